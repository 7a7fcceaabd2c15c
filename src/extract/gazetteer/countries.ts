/**
 * Gazetteer: countries
 * ====================
 *
 * All 193 UN member states, the two observer states and Taiwan and Kosovo,
 * with the names news prose uses for them as actors: short and official names,
 * abbreviations, demonyms (adjective and plural noun), capitals and government
 * metonyms ("the Kremlin", "Downing Street"). Kept as a plain table so it can
 * be reviewed and extended without reading code; `gazetteer/index.ts` parses it.
 *
 * Columns, separated by `|`: label | other names | demonyms | capitals and
 * metonyms. Names are matched case-sensitively as written (so "US" is not
 * "us"); a leading `~` marks a name that is also a common given name or word
 * ("Jordan", "Chad", "Washington"): it is not taken when a capitalised word
 * follows it ("Jordan Bardella"). A bare capital is read as the state acting
 * ("Moscow said"), which is how news uses it.
 */

export const COUNTRY_TABLE = `
Afghanistan | Islamic Emirate of Afghanistan | Afghan, Afghans | Kabul
Albania | | Albanian, Albanians | Tirana
Algeria | | Algerian, Algerians | Algiers
Andorra | | Andorran | Andorra la Vella
Angola | | Angolan, Angolans | Luanda
Antigua and Barbuda | | Antiguan | St. John's
Argentina | Argentine Republic | Argentine, Argentinian, Argentines, Argentinians | Buenos Aires, Casa Rosada
Armenia | | Armenian, Armenians | Yerevan
Australia | Commonwealth of Australia | Australian, Australians | Canberra
Austria | | Austrian, Austrians | Vienna
Azerbaijan | | Azerbaijani, Azerbaijanis, Azeri, Azeris | Baku
Bahamas | The Bahamas, the Bahamas | Bahamian | Nassau
Bahrain | | Bahraini, Bahrainis | Manama
Bangladesh | | Bangladeshi, Bangladeshis | Dhaka
Barbados | | Barbadian, Bajan | Bridgetown
Belarus | Byelorussia | Belarusian, Belarusians, Belarussian | Minsk
Belgium | | Belgian, Belgians |
Belize | | Belizean | Belmopan
Benin | | Beninese | Porto-Novo, Cotonou
Bhutan | | Bhutanese | Thimphu
Bolivia | | Bolivian, Bolivians | La Paz, Sucre
Bosnia and Herzegovina | Bosnia, Bosnia-Herzegovina | Bosnian, Bosnians | Sarajevo
Botswana | | Botswanan, Batswana | Gaborone
Brazil | | Brazilian, Brazilians | Brasilia, Brasília, Planalto
Brunei | Brunei Darussalam | Bruneian | Bandar Seri Begawan
Bulgaria | | Bulgarian, Bulgarians | ~Sofia
Burkina Faso | | Burkinabe, Burkinabè | Ouagadougou
Burundi | | Burundian, Burundians | Gitega, Bujumbura
Cambodia | | Cambodian, Cambodians | Phnom Penh
Cameroon | | Cameroonian, Cameroonians | Yaounde, Yaoundé
Canada | | Canadian, Canadians | Ottawa
Cape Verde | Cabo Verde | Cape Verdean | Praia
Central African Republic | CAR | Central African | Bangui
~Chad | | Chadian, Chadians | N'Djamena, N’Djamena
Chile | | Chilean, Chileans | Santiago, La Moneda
China | People's Republic of China, People’s Republic of China, PRC, mainland China | Chinese | Beijing, Zhongnanhai
Colombia | | Colombian, Colombians | Bogota, Bogotá
Comoros | | Comoran, Comorian | Moroni
Democratic Republic of the Congo | DR Congo, DRC, Congo-Kinshasa, Democratic Republic of Congo, Congo | Congolese | Kinshasa
Republic of the Congo | Congo-Brazzaville, Republic of Congo | | Brazzaville
Costa Rica | | Costa Rican, Costa Ricans |
Croatia | | Croatian, Croatians, Croat, Croats | Zagreb
Cuba | | Cuban, Cubans | Havana
Cyprus | | Cypriot, Cypriots | Nicosia
Czech Republic | Czechia | Czech, Czechs | Prague
Denmark | | Danish, Dane, Danes | Copenhagen
Djibouti | | Djiboutian |
~Dominica | | |
Dominican Republic | | Dominican, Dominicans | Santo Domingo
Ecuador | | Ecuadorian, Ecuadorians | Quito
Egypt | | Egyptian, Egyptians | Cairo
El Salvador | | Salvadoran, Salvadorans | San Salvador
Equatorial Guinea | | Equatoguinean | Malabo
Eritrea | | Eritrean, Eritreans | Asmara
Estonia | | Estonian, Estonians | Tallinn
Eswatini | Swaziland | Swazi | Mbabane
Ethiopia | | Ethiopian, Ethiopians | Addis Ababa
Fiji | | Fijian, Fijians | Suva
Finland | | Finnish, Finn, Finns | Helsinki
France | French Republic | French | Paris, Elysee, Élysée, Elysee Palace, Élysée Palace, Quai d'Orsay
Gabon | | Gabonese | Libreville
Gambia | The Gambia, the Gambia | Gambian, Gambians | Banjul
~Georgia | | Georgian, Georgians | Tbilisi
Germany | Federal Republic of Germany | German, Germans | Berlin
Ghana | | Ghanaian, Ghanaians | Accra
Greece | Hellenic Republic | Greek, Greeks | Athens
Grenada | | Grenadian |
Guatemala | | Guatemalan, Guatemalans | Guatemala City
Guinea | Guinea-Conakry | Guinean, Guineans | Conakry
Guinea-Bissau | | Bissau-Guinean | Bissau
Guyana | | Guyanese |
Haiti | | Haitian, Haitians | Port-au-Prince
Honduras | | Honduran, Hondurans | Tegucigalpa
Hungary | | Hungarian, Hungarians | Budapest
Iceland | | Icelandic, Icelander, Icelanders | Reykjavik
India | Republic of India | Indian, Indians | New Delhi
Indonesia | | Indonesian, Indonesians | Jakarta
Iran | Islamic Republic of Iran, Persia | Iranian, Iranians | Tehran
Iraq | | Iraqi, Iraqis | Baghdad
Ireland | Republic of Ireland, Eire | Irish | Dublin
Israel | State of Israel | Israeli, Israelis | Jerusalem, Tel Aviv, Mossad, Shin Bet
Italy | | Italian, Italians | Rome, Palazzo Chigi
Ivory Coast | Côte d'Ivoire, Côte d’Ivoire, Cote d'Ivoire, Cote d’Ivoire | Ivorian, Ivorians | Yamoussoukro, Abidjan
Jamaica | | Jamaican, Jamaicans | Kingston
Japan | | Japanese | Tokyo
~Jordan | Hashemite Kingdom of Jordan | Jordanian, Jordanians | Amman
Kazakhstan | | Kazakh, Kazakhs, Kazakhstani | Astana
Kenya | | Kenyan, Kenyans | Nairobi
Kiribati | | I-Kiribati | Tarawa
Kuwait | | Kuwaiti, Kuwaitis | Kuwait City
Kyrgyzstan | | Kyrgyz | Bishkek
Laos | Lao PDR | Lao, Laotian, Laotians | Vientiane
Latvia | | Latvian, Latvians | Riga
Lebanon | | Lebanese | Beirut
Lesotho | | Basotho | Maseru
Liberia | | Liberian, Liberians | Monrovia
Libya | | Libyan, Libyans | Tripoli
Liechtenstein | | Liechtensteiner | Vaduz
Lithuania | | Lithuanian, Lithuanians | Vilnius
Luxembourg | | Luxembourger, Luxembourgish |
Madagascar | | Malagasy | Antananarivo
Malawi | | Malawian, Malawians | Lilongwe
Malaysia | | Malaysian, Malaysians | Kuala Lumpur, Putrajaya
Maldives | the Maldives, The Maldives | Maldivian, Maldivians |
Mali | | Malian, Malians | Bamako
Malta | | Maltese | Valletta
Marshall Islands | | Marshallese | Majuro
Mauritania | | Mauritanian, Mauritanians | Nouakchott
Mauritius | | Mauritian, Mauritians | Port Louis
Mexico | United Mexican States | Mexican, Mexicans | Mexico City
Micronesia | Federated States of Micronesia | Micronesian | Palikir
Moldova | Republic of Moldova | Moldovan, Moldovans | Chisinau, Chișinău
Monaco | | Monegasque |
Mongolia | | Mongolian, Mongolians | Ulaanbaatar, Ulan Bator
Montenegro | | Montenegrin, Montenegrins | Podgorica
Morocco | | Moroccan, Moroccans | Rabat
Mozambique | | Mozambican, Mozambicans | Maputo
Myanmar | Burma | Burmese | Naypyidaw, Naypyitaw
Namibia | | Namibian, Namibians | Windhoek
Nauru | | Nauruan |
Nepal | | Nepali, Nepalese | Kathmandu
Netherlands | the Netherlands, The Netherlands, Holland | Dutch | Amsterdam
New Zealand | | New Zealander, New Zealanders | Wellington
Nicaragua | | Nicaraguan, Nicaraguans | Managua
Niger | | Nigerien, Nigeriens | Niamey
Nigeria | | Nigerian, Nigerians | Abuja
North Korea | DPRK, Democratic People's Republic of Korea, Democratic People’s Republic of Korea | North Korean, North Koreans | Pyongyang
North Macedonia | Macedonia | Macedonian, Macedonians | Skopje
Norway | | Norwegian, Norwegians | Oslo
Oman | | Omani, Omanis | Muscat
Pakistan | | Pakistani, Pakistanis | Islamabad
Palau | | Palauan | Ngerulmud
Panama | | Panamanian, Panamanians | Panama City
Papua New Guinea | PNG | Papua New Guinean | Port Moresby
Paraguay | | Paraguayan, Paraguayans | Asuncion, Asunción
Peru | | Peruvian, Peruvians | Lima
Philippines | the Philippines, The Philippines | Filipino, Filipinos, Philippine | Manila, Malacañang, Malacanang
Poland | | Polish, Pole, Poles | Warsaw
Portugal | | Portuguese | Lisbon
Qatar | | Qatari, Qataris | Doha
Romania | | Romanian, Romanians | Bucharest
Russia | Russian Federation | Russian, Russians | Moscow, Kremlin, the Kremlin, The Kremlin, FSB, SVR, GRU
Rwanda | | Rwandan, Rwandans | Kigali
Saint Kitts and Nevis | St Kitts and Nevis | Kittitian | Basseterre
Saint Lucia | St Lucia | Saint Lucian | Castries
Saint Vincent and the Grenadines | St Vincent and the Grenadines | Vincentian | Kingstown
Samoa | | Samoan, Samoans | Apia
San Marino | | Sammarinese |
Sao Tome and Principe | São Tomé and Príncipe | Santomean |
Saudi Arabia | Kingdom of Saudi Arabia, KSA | Saudi, Saudis | Riyadh
Senegal | | Senegalese | Dakar
Serbia | | Serbian, Serbians, Serb, Serbs | Belgrade
Seychelles | the Seychelles | Seychellois |
Sierra Leone | | Sierra Leonean | Freetown
Singapore | | Singaporean, Singaporeans |
Slovakia | | Slovak, Slovaks, Slovakian | Bratislava
Slovenia | | Slovenian, Slovenians, Slovene | Ljubljana
Solomon Islands | | Solomon Islander | Honiara
Somalia | | Somali, Somalis | Mogadishu
South Africa | | South African, South Africans | Pretoria, Cape Town
South Korea | Republic of Korea, ROK | South Korean, South Koreans | Seoul
South Sudan | | South Sudanese | Juba
Spain | | Spanish, Spaniard, Spaniards | Madrid, La Moncloa
Sri Lanka | | Sri Lankan, Sri Lankans | Colombo
Sudan | | Sudanese | Khartoum
Suriname | | Surinamese | Paramaribo
Sweden | | Swedish, Swede, Swedes | Stockholm
Switzerland | | Swiss | Bern, Berne
Syria | Syrian Arab Republic | Syrian, Syrians | Damascus
Tajikistan | | Tajik, Tajiks | Dushanbe
Tanzania | | Tanzanian, Tanzanians | Dodoma, Dar es Salaam
Thailand | | Thai, Thais | Bangkok
Timor-Leste | East Timor | Timorese | Dili
Togo | | Togolese | Lome, Lomé
Tonga | | Tongan | Nuku'alofa
Trinidad and Tobago | | Trinidadian | Port of Spain
Tunisia | | Tunisian, Tunisians | Tunis
Turkey | Türkiye, Turkiye | Turkish, Turk, Turks | Ankara
Turkmenistan | | Turkmen | Ashgabat
Tuvalu | | Tuvaluan | Funafuti
Uganda | | Ugandan, Ugandans | Kampala
Ukraine | | Ukrainian, Ukrainians | Kyiv, Kiev
United Arab Emirates | UAE, U.A.E., Emirates | Emirati, Emiratis | Abu Dhabi
United Kingdom | UK, U.K., Britain, Great Britain | British, Briton, Britons | London, Downing Street, Whitehall, Foreign Office, the Foreign Office, MI6, MI5
United States | United States of America, US, U.S., USA, U.S.A., America | American, Americans | ~Washington, White House, the White House, The White House, Pentagon, the Pentagon, The Pentagon, State Department, the State Department, The State Department, Treasury Department, the Treasury Department, Department of the Treasury, the Department of the Treasury, The Department of the Treasury, U.S. Department of the Treasury, Office of Foreign Assets Control, OFAC, CIA, Central Intelligence Agency, FBI, Commerce Department, the Commerce Department, Department of Commerce, Department of State
Uruguay | | Uruguayan, Uruguayans | Montevideo
Uzbekistan | | Uzbek, Uzbeks | Tashkent
Vanuatu | | Ni-Vanuatu | Port Vila
Venezuela | | Venezuelan, Venezuelans | Caracas, Miraflores
Vietnam | Viet Nam | Vietnamese | Hanoi
Yemen | | Yemeni, Yemenis | Sanaa, Sana'a, Sana’a
Zambia | | Zambian, Zambians | Lusaka
Zimbabwe | | Zimbabwean, Zimbabweans | Harare
Holy See | Vatican, the Vatican, The Vatican, Vatican City | | 
Palestine | State of Palestine, Palestinian territories | Palestinian, Palestinians | Ramallah
Taiwan | Republic of China | Taiwanese | Taipei
Kosovo | | Kosovar, Kosovars, Kosovan | Pristina
`;
