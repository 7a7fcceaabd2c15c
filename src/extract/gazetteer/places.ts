/**
 * Gazetteer: regions, continents and cities that are places, not states
 * =====================================================================
 *
 * Places are where things happen (type `place`): continents and regions, and
 * the cities that host summits and courts without standing for a government
 * (a capital stands for its state and is listed with the countries).
 * Columns: label | other names.
 */

export const PLACE_TABLE = `
Europe | Continental Europe
Africa |
Asia |
Latin America | South and Central America
North America |
South America |
Central America |
Middle East | the Middle East, The Middle East, Mideast
North Africa |
West Africa |
East Africa |
Southern Africa |
Sub-Saharan Africa | sub-Saharan Africa
Central Asia |
South Asia |
Southeast Asia | South-East Asia
East Asia |
Asia-Pacific | Asia Pacific
Indo-Pacific |
Eastern Europe |
Western Europe |
Central Europe |
Balkans | the Balkans, Western Balkans, the Western Balkans
Caucasus | the Caucasus, South Caucasus, the South Caucasus
Baltic | the Baltic, Baltic region
Scandinavia |
Sahel | the Sahel
Horn of Africa | the Horn of Africa
Gulf | the Gulf, Persian Gulf, the Persian Gulf, Arabian Gulf
Arctic | the Arctic
Antarctica |
Caribbean | the Caribbean
Pacific | the Pacific, Pacific Ocean
Atlantic | the Atlantic, Atlantic Ocean
Mediterranean | the Mediterranean, Mediterranean Sea
Black Sea | the Black Sea
Red Sea | the Red Sea
South China Sea | the South China Sea
Taiwan Strait | the Taiwan Strait
Strait of Hormuz | the Strait of Hormuz
Crimea | Crimean Peninsula
Donbas | Donbass, the Donbas
Gaza | Gaza Strip, the Gaza Strip
West Bank | the West Bank
Golan Heights | the Golan Heights
Kashmir |
Nagorno-Karabakh | Karabakh
Western Sahara |
Darfur |
Tigray |
Hong Kong |
Macau | Macao
Xinjiang |
Tibet |
New York City | New York, NYC
Geneva |
The Hague | the Hague
Davos |
Munich |
Strasbourg |
Luxembourg City |
Istanbul |
Dubai |
Shanghai |
Mumbai |
Johannesburg |
Sao Paulo | São Paulo
Rio de Janeiro |
St. Petersburg | St Petersburg, Saint Petersburg
Los Angeles |
San Francisco |
Kharkiv |
Odesa | Odessa
Mariupol |
Bakhmut |
Kherson |
Zaporizhzhia |
Aleppo |
Mosul |
Basra |
Benghazi |
Camp David |
Bali |
Hiroshima |
Kananaskis |
Sochi |
Vladivostok |
Jeddah |
Sharm el-Sheikh |
Marrakech |
Bonn |
Hamburg |
Frankfurt |
Milan |
Barcelona |
Toronto |
Sydney |
Karachi |
Lagos |
Goma |
Bukavu |
Rafah |
Khan Younis |
El Fasher | al-Fashir, El-Fasher
Port Sudan |
Timbuktu |
Donetsk |
Luhansk |
Avdiivka |
Sumy |
Kursk |
Belgorod |
Sevastopol |
Lviv |
Dnipro |
Idlib |
Homs |
Raqqa |
Kandahar |
Herat |
Mandalay |
`;

/**
 * Groups: unnamed sets of actors the text treats as one. Matched without
 * regard to case ("western nations", "Western states"). Columns: label | names.
 */
export const GROUP_TABLE = `
Western countries | western countries, western nations, western states, western allies, western governments, western powers, western leaders, western democracies, =the West, =The West
Gulf states | Gulf states, Gulf countries, Gulf monarchies, Arab Gulf states
Baltic states | Baltic states, Baltic countries, the Baltics, Baltic nations
Nordic countries | Nordic countries, Nordic states
Global South | Global South, global south, the Global South
International community | international community, the international community
European countries | European countries, European nations, European governments, European allies, European leaders, European states
Arab states | Arab states, Arab countries, Arab nations, Arab governments
African countries | African countries, African nations, African states, African leaders
`;
