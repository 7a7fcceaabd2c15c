/**
 * Gazetteer: Wikidata item ids
 * ============================
 *
 * The Wikidata item of each gazetteer entry that has a confirmed one, by the
 * entry's label (as in countries.ts and organisations.ts, without `~`/`=`).
 * Kept apart from the name tables so those stay readable. Every id was copied
 * from a stored public source, never from memory; an entry no source
 * confirmed has no line here and its entity no `wikidata` field.
 *
 * Sources:
 *  - countries: the country table of Our World in Data's grapher
 *    (owid/owid-grapher, packages/@ourworldindata/grapher/src/mapCharts/
 *    CountriesRegions.ts, column wikidata_uri), checked against Natural
 *    Earth's admin-0 WIKIDATAID where the stored copy was read. Kosovo and
 *    the Holy See have no id there and are left out.
 *  - organisations: the registry of international bodies in
 *    opensanctions' wikidata position code (the stored file whose table is
 *    INTL_ORGS: "Q47488": IntlOrg("International Criminal Court") …), the
 *    UN, UN Security Council, ICC and ICJ lines also found in a second
 *    project's test data. Bodies with no id there (BRICS, ASEAN, G7, G20,
 *    the armed groups …) are left out; "World Bank" is too, as the source
 *    lists only the World Bank Group, a different item.
 *
 * Format: label | Q-id (the office-holders' table: names, comma-separated | Q-id)
 */

export const WIKIDATA_TABLE = `
Afghanistan | Q889
Albania | Q222
Algeria | Q262
Andorra | Q228
Angola | Q916
Antigua and Barbuda | Q781
Argentina | Q414
Armenia | Q399
Australia | Q408
Austria | Q40
Azerbaijan | Q227
Bahamas | Q778
Bahrain | Q398
Bangladesh | Q902
Barbados | Q244
Belarus | Q184
Belgium | Q31
Belize | Q242
Benin | Q962
Bhutan | Q917
Bolivia | Q750
Bosnia and Herzegovina | Q225
Botswana | Q963
Brazil | Q155
Brunei | Q921
Bulgaria | Q219
Burkina Faso | Q965
Burundi | Q967
Cambodia | Q424
Cameroon | Q1009
Canada | Q16
Cape Verde | Q1011
Central African Republic | Q929
Chad | Q657
Chile | Q298
China | Q148
Colombia | Q739
Comoros | Q970
Democratic Republic of the Congo | Q974
Republic of the Congo | Q971
Costa Rica | Q800
Croatia | Q224
Cuba | Q241
Cyprus | Q229
Czech Republic | Q213
Denmark | Q35
Djibouti | Q977
Dominica | Q784
Dominican Republic | Q786
Ecuador | Q736
Egypt | Q79
El Salvador | Q792
Equatorial Guinea | Q983
Eritrea | Q986
Estonia | Q191
Eswatini | Q1050
Ethiopia | Q115
Fiji | Q712
Finland | Q33
France | Q142
Gabon | Q1000
Gambia | Q1005
Georgia | Q230
Germany | Q183
Ghana | Q117
Greece | Q41
Grenada | Q769
Guatemala | Q774
Guinea | Q1006
Guinea-Bissau | Q1007
Guyana | Q734
Haiti | Q790
Honduras | Q783
Hungary | Q28
Iceland | Q189
India | Q668
Indonesia | Q252
Iran | Q794
Iraq | Q796
Ireland | Q27
Israel | Q801
Italy | Q38
Ivory Coast | Q1008
Jamaica | Q766
Japan | Q17
Jordan | Q810
Kazakhstan | Q232
Kenya | Q114
Kiribati | Q710
Kuwait | Q817
Kyrgyzstan | Q813
Laos | Q819
Latvia | Q211
Lebanon | Q822
Lesotho | Q1013
Liberia | Q1014
Libya | Q1016
Liechtenstein | Q347
Lithuania | Q37
Luxembourg | Q32
Madagascar | Q1019
Malawi | Q1020
Malaysia | Q833
Maldives | Q826
Mali | Q912
Malta | Q233
Marshall Islands | Q709
Mauritania | Q1025
Mauritius | Q1027
Mexico | Q96
Micronesia | Q702
Moldova | Q217
Monaco | Q235
Mongolia | Q711
Montenegro | Q236
Morocco | Q1028
Mozambique | Q1029
Myanmar | Q836
Namibia | Q1030
Nauru | Q697
Nepal | Q837
Netherlands | Q29999
New Zealand | Q664
Nicaragua | Q811
Niger | Q1032
Nigeria | Q1033
North Korea | Q423
North Macedonia | Q221
Norway | Q20
Oman | Q842
Pakistan | Q843
Palau | Q695
Panama | Q804
Papua New Guinea | Q691
Paraguay | Q733
Peru | Q419
Philippines | Q928
Poland | Q36
Portugal | Q45
Qatar | Q846
Romania | Q218
Russia | Q159
Rwanda | Q1037
Saint Kitts and Nevis | Q763
Saint Lucia | Q760
Saint Vincent and the Grenadines | Q757
Samoa | Q683
San Marino | Q238
Sao Tome and Principe | Q1039
Saudi Arabia | Q851
Senegal | Q1041
Serbia | Q403
Seychelles | Q1042
Sierra Leone | Q1044
Singapore | Q334
Slovakia | Q214
Slovenia | Q215
Solomon Islands | Q685
Somalia | Q1045
South Africa | Q258
South Korea | Q884
South Sudan | Q958
Spain | Q29
Sri Lanka | Q854
Sudan | Q1049
Suriname | Q730
Sweden | Q34
Switzerland | Q39
Syria | Q858
Tajikistan | Q863
Tanzania | Q924
Thailand | Q869
Timor-Leste | Q574
Togo | Q945
Tonga | Q678
Trinidad and Tobago | Q754
Tunisia | Q948
Turkey | Q43
Turkmenistan | Q874
Tuvalu | Q672
Uganda | Q1036
Ukraine | Q212
United Arab Emirates | Q878
United Kingdom | Q145
United States | Q30
Uruguay | Q77
Uzbekistan | Q265
Vanuatu | Q686
Venezuela | Q717
Vietnam | Q881
Yemen | Q805
Zambia | Q953
Zimbabwe | Q954
Palestine | Q219060
Taiwan | Q865
United Nations | Q1065
UN General Assembly | Q47423
UN Security Council | Q37470
UN Human Rights Council | Q205650
UN Refugee Agency | Q132551
UNRWA | Q846656
UNIFIL | Q160805
UNICEF | Q740308
UNESCO | Q7809
World Food Programme | Q204344
World Health Organization | Q7817
International Monetary Fund | Q7804
International Court of Justice | Q7801
International Criminal Court | Q47488
European Court of Human Rights | Q122880
European Court of Justice | Q1518827
European Union | Q458
European Parliament | Q8889
European Commission | Q8880
European Council | Q8886
European Central Bank | Q8901
Council of Europe | Q8908
NATO | Q7184
OSCE | Q81299
Interpol | Q8475
World Trade Organization | Q7825
OPEC | Q7795
International Atomic Energy Agency | Q41984
African Union | Q7159
ECOWAS | Q193272
East African Community | Q337456
Arab League | Q7172
Gulf Cooperation Council | Q217172
Organisation of Islamic Cooperation | Q47543
Organization of American States | Q123759
`;

/**
 * Well-known office-holders, by full name (matched by spelling-variant key,
 * so "Volodymyr Zelenskyy" and "Recep Tayyip Erdogan" find theirs); other
 * forms of the name after a comma. The first name gives the entity's id, so
 * every spelling of the person has one id in every article. Each id
 * was found beside the person's name in stored public files (entity-linking
 * test data and Wikidata fixtures of several projects; Zelensky and Kim Jong
 * Un in one each, the others in two or more). António Guterres is left out:
 * the one id found for him was also used for someone else in another file.
 */
export const PERSON_WIKIDATA_TABLE = `
Vladimir Putin, Vladimir Vladimirovich Putin | Q7747
Volodymyr Zelensky | Q3874799
Recep Tayyip Erdoğan | Q39259
Xi Jinping | Q15031
Joe Biden | Q6279
Donald Trump | Q22686
Emmanuel Macron | Q3052772
Kim Jong Un | Q42313
`;
