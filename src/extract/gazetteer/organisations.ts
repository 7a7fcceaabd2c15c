/**
 * Gazetteer: international organisations, blocs, courts and armed groups
 * ======================================================================
 *
 * The bodies international news names as actors, with their abbreviations.
 * Same table format as the countries: label | other names | members' demonym
 * (unused here) | metonyms. An optional fifth column gives the entity type
 * when it is not `organisation` (the UN General Assembly session is an
 * `event`) and a sixth the id of the parent organisation, so "the UN confab"
 * can refer back to a UN event named earlier.
 */

export const ORGANISATION_TABLE = `
United Nations | UN, U.N., the United Nations, The United Nations, the UN, the U.N. | | | organisation
UN Security Council | United Nations Security Council, U.N. Security Council, UNSC, Security Council, the Security Council, The Security Council | | | organisation | united-nations
UN General Assembly | United Nations General Assembly, U.N. General Assembly, UNGA, General Assembly, the General Assembly, The General Assembly | | | event | united-nations
UN Human Rights Council | United Nations Human Rights Council, U.N. Human Rights Council, Human Rights Council, UNHRC | | | organisation | united-nations
UN Refugee Agency | UNHCR, United Nations High Commissioner for Refugees | | | organisation | united-nations
UNICEF | United Nations Children's Fund, United Nations Children’s Fund | | | organisation | united-nations
UNESCO | | | | organisation | united-nations
World Food Programme | WFP, World Food Program | | | organisation | united-nations
International Criminal Court | ICC, Rome Statute, the Rome Statute | | | organisation
International Court of Justice | ICJ, World Court | | | organisation | united-nations
Permanent Court of Arbitration | PCA | | | organisation
European Court of Human Rights | ECHR | | | organisation
European Court of Justice | ECJ, Court of Justice of the European Union, CJEU | | | organisation
NATO | North Atlantic Treaty Organization, North Atlantic Treaty Organisation, Nato, the Atlantic alliance | | | organisation
European Union | EU, E.U., the EU, the European Union, The European Union | | Brussels | organisation
European Commission | the European Commission, The European Commission | | | organisation | european-union
European Parliament | the European Parliament, The European Parliament | | | organisation | european-union
European Council | the European Council, The European Council | | | organisation | european-union
Council of the European Union | Council of the EU, the Council of the EU, The Council of the EU, the Council of the European Union, The Council of the European Union, EU Council | | | organisation | european-union
European Central Bank | ECB | | | organisation | european-union
Council of Europe | the Council of Europe | | | organisation
OSCE | Organization for Security and Co-operation in Europe, Organization for Security and Cooperation in Europe | | | organisation
BRICS | Brics, BRIC | | | organisation
Arab League | League of Arab States, the Arab League, The Arab League | | | organisation
African Union | AU, the African Union, The African Union | | | organisation
G7 | G-7, Group of Seven, Group of 7 | | | organisation
G20 | G-20, Group of 20, Group of Twenty | | | organisation
OPEC | Organization of the Petroleum Exporting Countries, OPEC+ | | | organisation
International Monetary Fund | IMF, the IMF | | | organisation
World Bank | the World Bank, The World Bank | | | organisation
World Trade Organization | WTO, World Trade Organisation | | | organisation
World Health Organization | WHO, World Health Organisation | | | organisation | united-nations
International Atomic Energy Agency | IAEA, UN nuclear watchdog, U.N. nuclear watchdog | | | organisation | united-nations
ASEAN | Association of Southeast Asian Nations, Asean | | | organisation
Organization of American States | OAS, Organisation of American States | | | organisation
Gulf Cooperation Council | GCC | | | organisation
Shanghai Cooperation Organisation | SCO, Shanghai Cooperation Organization | | | organisation
Collective Security Treaty Organization | CSTO, Collective Security Treaty Organisation | | | organisation
Commonwealth of Independent States | CIS | | | organisation
Eurasian Economic Union | EAEU | | | organisation
ECOWAS | Economic Community of West African States | | | organisation
Southern African Development Community | SADC | | | organisation
East African Community | EAC | | | organisation
Mercosur | MERCOSUR | | | organisation
Commonwealth | the Commonwealth, Commonwealth of Nations | | | organisation
AUKUS | | | | organisation
Quad | the Quad, Quadrilateral Security Dialogue | | | organisation
Interpol | INTERPOL | | | organisation
Europol | | | | organisation
International Committee of the Red Cross | ICRC, Red Cross, the Red Cross | | | organisation
Amnesty International | Amnesty | | | organisation
Human Rights Watch | HRW | | | organisation
Doctors Without Borders | MSF, Médecins Sans Frontières | | | organisation
World Economic Forum | WEF | | | organisation
Organisation of Islamic Cooperation | OIC, Organization of Islamic Cooperation | | | organisation
Hamas | | | | organisation
Hezbollah | Hizbollah | | | organisation
Houthis | Houthi, the Houthis, Ansar Allah | | | organisation
Taliban | the Taliban, The Taliban | | | organisation
Islamic State | ISIS, ISIL, Daesh | | | organisation
Al-Qaeda | al-Qaeda, al-Qaida, Al Qaeda | | | organisation
Wagner Group | Wagner | | | organisation
Palestinian Authority | | | | organisation
M23 | March 23 Movement, M23 rebels, M23 movement | | | organisation
FDLR | Democratic Forces for the Liberation of Rwanda | | | organisation
Allied Democratic Forces | ADF | | | organisation
Rapid Support Forces | RSF | | | organisation
Al-Shabaab | al-Shabaab, al-Shabab, Al-Shabab, Al Shabaab | | | organisation
Boko Haram | | | | organisation
Islamic State West Africa Province | ISWAP | | | organisation
JNIM | Jama'at Nusrat al-Islam wal-Muslimin, Jama’at Nusrat al-Islam wal-Muslimin | | | organisation
Hayat Tahrir al-Sham | HTS | | | organisation
Syrian Democratic Forces | SDF | | | organisation
PKK | Kurdistan Workers' Party, Kurdistan Workers’ Party | | | organisation
Islamic Revolutionary Guard Corps | IRGC, Revolutionary Guards, Revolutionary Guard, the Revolutionary Guards | | | organisation
Palestinian Islamic Jihad | Islamic Jihad | | | organisation
Kataib Hezbollah | Kata'ib Hezbollah | | | organisation
Popular Mobilization Forces | PMF, Popular Mobilisation Forces | | | organisation
Lashkar-e-Taiba | LeT | | | organisation
Jaish-e-Mohammed | | | | organisation
Tehrik-i-Taliban Pakistan | TTP, Pakistani Taliban | | | organisation
Arakan Army | | | | organisation
Polisario Front | Polisario, the Polisario Front | | | organisation
FARC | Revolutionary Armed Forces of Colombia | | | organisation
National Liberation Army | ELN | | | organisation
Lord's Resistance Army | Lord’s Resistance Army, LRA | | | organisation
MONUSCO | Monusco | | | organisation | united-nations
MINUSMA | Minusma | | | organisation | united-nations
MINUSCA | Minusca | | | organisation | united-nations
UNIFIL | Unifil | | | organisation | united-nations
UNMISS | | | | organisation | united-nations
UNAMA | | | | organisation | united-nations
UNRWA | Unrwa | | | organisation | united-nations
Munich Security Conference | | | | event
Shangri-La Dialogue | | | | event
`;
