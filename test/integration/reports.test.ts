import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { run } from '../../src/graph/neo4j';
import type { Graph, Row } from '../../src/graph/neo4j';
import { Neo4jWriter } from '../../src/graph/neo4j-writer';
import { bindParams, loadReports } from '../../src/reports/registry';
import type { Report } from '../../src/reports/registry';
import { FIRST_BATCH, FIRST_CLOCK, SECOND_BATCH, SECOND_CLOCK, buildResult } from '../reports/fixture';
import { connect, counts, lockDb, resetDb, unlockDb } from './db';

/**
 * Every canned report in cypher/ against the fixture graph of test/reports/fixture.ts, with the exact rows
 * expected (worked out from the fixture by hand: six articles, three outlets, nine events). Rows are given
 * as arrays in the order of the report's `columns` header.
 */

interface Case { report: string; params: string[]; rows: unknown[][] }

const CASES: Case[] = [
  {
    report: 'top-actors', params: [],
    rows: [
      ["North Korea","State",6,11,"state:PRK"],
      ["United States","State",5,6,"state:USA"],
      ["Donald Trump","Person",3,7,"person:donald trump"],
      ["Kim Jong Un","Person",3,4,"person:kim jong un"],
      ["State Department","Institution",3,3,"institution:state department:USA"],
      ["Mike Pompeo","Person",2,3,"person:mike pompeo"],
      ["Joseph Yun","Person",1,2,"person:joseph yun"],
      ["Ri Yong Ho","Person",1,2,"person:ri yong ho"],
      ["South Korea","State",1,2,"state:KOR"],
      ["Kim Jong-un","Person",1,1,"person:kim jong-un"],
      ["Ministry of Foreign Affairs","Institution",1,1,"institution:ministry of foreign affairs:KOR"],
      ["Ministry of Foreign Affairs","Institution",1,1,"institution:ministry of foreign affairs:PRK"],
      ["New York","Place",1,1,"place:new york:USA"],
      ["Pyongyang","Place",1,1,"place:pyongyang:PRK"],
      ["Singapore","State",1,1,"state:SGP"],
    ],
  },
  {
    report: 'top-actors', params: ["label=Person", "limit=3"],
    rows: [
      ["Donald Trump","Person",3,7,"person:donald trump"],
      ["Kim Jong Un","Person",3,4,"person:kim jong un"],
      ["Mike Pompeo","Person",2,3,"person:mike pompeo"],
    ],
  },
  {
    report: 'top-actors', params: ["from=2018-06", "to=2018-06", "limit=4"],
    rows: [
      ["North Korea","State",2,2,"state:PRK"],
      ["United States","State",2,2,"state:USA"],
      ["Donald Trump","Person",1,2,"person:donald trump"],
      ["Kim Jong Un","Person",1,2,"person:kim jong un"],
    ],
  },
  {
    report: 'actor-profile', params: [],
    rows: [
      ["North Korea","relation","in","PART_OF","Ministry of Foreign Affairs","","2017-09-21","North Korea's Ministry of Foreign Affairs issued a statement.",1],
      ["North Korea","event","recipient","THREATEN","Donald Trump","asserted","2017-09-19","Trump said the United States would totally destroy North Korea if forced to defend itself.",2],
      ["North Korea","event","actor","RETREAT","United States","asserted, release","2018-05-09","North Korea released three American detainees on Wednesday.",1],
      ["North Korea","event","actor","THREATEN","","reported","2018-06-13","North Korea warned it could call off the next round of talks, officials said.",1],
      ["North Korea","event","actor","THREATEN","South Korea","negated","2018-06-13","North Korea did not threaten South Korea, the ministry said.",1],
      ["North Korea","event","recipient","CONSULT","Joseph Yun","asserted, backchannel",null,"Joseph Yun has held quiet talks with North Korean diplomats in New York.",1],
    ],
  },
  {
    report: 'actor-profile', params: ["name=pompeo"],
    rows: [
      ["Mike Pompeo","position","out","HOLDS_POSITION","State Department","Secretary of State","2018-05-10","Secretary of State Mike Pompeo flew to Pyongyang.",2],
      ["Mike Pompeo","event","actor","CONSULT","Kim Jong Un","asserted, visit","2018-05-09","Pompeo met Kim Jong Un in Pyongyang on Wednesday.",1],
    ],
  },
  {
    report: 'actor-profile', params: ["name=State Department"],
    rows: [
      ["State Department","position","in","HOLDS_POSITION","Joseph Yun","Special Representative for North Korea Policy","2017-10-02","Joseph Yun is the State Department's special representative for North Korea policy.",1],
      ["State Department","position","in","HOLDS_POSITION","Mike Pompeo","Secretary of State","2018-05-10","Secretary of State Mike Pompeo flew to Pyongyang.",2],
      ["State Department","relation","out","PART_OF","United States","","2017-10-02","The State Department runs the foreign policy of the United States.",1],
    ],
  },
  {
    report: 'actor-profile', params: ["name=institution:state department:USA", "limit=1"],
    rows: [
      ["State Department","position","in","HOLDS_POSITION","Joseph Yun","Special Representative for North Korea Policy","2017-10-02","Joseph Yun is the State Department's special representative for North Korea policy.",1],
    ],
  },
  {
    report: 'who-did-what', params: [],
    rows: [
      ["2017-09-19","day","Donald Trump","THREATEN",null,"North Korea","asserted","Trump said the United States would totally destroy North Korea if forced to defend itself.",2],
      ["2017-09-21","day","Ri Yong Ho","ACCUSE",null,"Donald Trump","reported","Ri Yong Ho accused Trump of declaring war on his country, officials said.",1],
      ["2017-10-02","published","Joseph Yun","CONSULT","backchannel","North Korea","asserted","Joseph Yun has held quiet talks with North Korean diplomats in New York.",1],
      ["2018-05-09","day","Mike Pompeo","CONSULT","visit","Kim Jong Un","asserted","Pompeo met Kim Jong Un in Pyongyang on Wednesday.",1],
      ["2018-05-09","day","North Korea","RETREAT","release","United States","asserted","North Korea released three American detainees on Wednesday.",1],
      ["2018-06-12","day","Donald Trump","AGREE",null,"Kim Jong Un","asserted","Trump and Kim Jong Un signed a joint statement in Singapore.",1],
      ["2018-06-13","day","North Korea","THREATEN",null,"South Korea","negated","North Korea did not threaten South Korea, the ministry said.",1],
      ["2018-06-13","day","South Korea","REQUEST",null,"United Nations Security Council","future","South Korea will ask the United Nations Security Council to ease sanctions.",1],
      ["2018-06-13","day","South Korea","SUPPORT",null,"United States","asserted","South Korea backed the United States' diplomacy.",1],
    ],
  },
  {
    report: 'who-did-what', params: ["a=Trump"],
    rows: [
      ["2017-09-19","day","Donald Trump","THREATEN",null,"North Korea","asserted","Trump said the United States would totally destroy North Korea if forced to defend itself.",2],
      ["2017-09-21","day","Ri Yong Ho","ACCUSE",null,"Donald Trump","reported","Ri Yong Ho accused Trump of declaring war on his country, officials said.",1],
      ["2018-06-12","day","Donald Trump","AGREE",null,"Kim Jong Un","asserted","Trump and Kim Jong Un signed a joint statement in Singapore.",1],
    ],
  },
  {
    report: 'who-did-what', params: ["a=north korea", "b=United States"],
    rows: [
      ["2018-05-09","day","North Korea","RETREAT","release","United States","asserted","North Korea released three American detainees on Wednesday.",1],
    ],
  },
  {
    report: 'who-did-what', params: ["a=DPRK", "from=2018-01-01"],
    rows: [
      ["2018-05-09","day","North Korea","RETREAT","release","United States","asserted","North Korea released three American detainees on Wednesday.",1],
      ["2018-06-13","day","North Korea","THREATEN",null,"South Korea","negated","North Korea did not threaten South Korea, the ministry said.",1],
    ],
  },
  {
    report: 'event-timeline', params: [],
    rows: [
      ["2017-09-19","day","THREATEN",null,"asserted",["Donald Trump"],["North Korea"],null,"Trump said the United States would totally destroy North Korea if forced to defend itself.",2],
      ["2017-09-21","day","ACCUSE",null,"reported",["Ri Yong Ho"],["Donald Trump"],null,"Ri Yong Ho accused Trump of declaring war on his country, officials said.",1],
      ["2017-10-02","published","CONSULT","backchannel","asserted",["Joseph Yun"],["North Korea"],"New York","Joseph Yun has held quiet talks with North Korean diplomats in New York.",1],
      ["2018-05-09","day","CONSULT","visit","asserted",["Mike Pompeo"],["Kim Jong Un"],"Pyongyang","Pompeo met Kim Jong Un in Pyongyang on Wednesday.",1],
      ["2018-05-09","day","RETREAT","release","asserted",["North Korea"],["United States"],null,"North Korea released three American detainees on Wednesday.",1],
      ["2018-06-12","day","AGREE",null,"asserted",["Donald Trump"],["Kim Jong Un"],"Singapore","Trump and Kim Jong Un signed a joint statement in Singapore.",1],
      ["2018-06-13","day","REQUEST",null,"future",["South Korea"],["United Nations Security Council"],null,"South Korea will ask the United Nations Security Council to ease sanctions.",1],
      ["2018-06-13","day","SUPPORT",null,"asserted",["South Korea"],["United States"],null,"South Korea backed the United States' diplomacy.",1],
      ["2018-06-13","day","THREATEN",null,"negated",["North Korea"],["South Korea"],null,"North Korea did not threaten South Korea, the ministry said.",1],
      ["2018-06-13","day","THREATEN",null,"reported",["North Korea"],[],null,"North Korea warned it could call off the next round of talks, officials said.",1],
    ],
  },
  {
    report: 'event-timeline', params: ["type=THREATEN"],
    rows: [
      ["2017-09-19","day","THREATEN",null,"asserted",["Donald Trump"],["North Korea"],null,"Trump said the United States would totally destroy North Korea if forced to defend itself.",2],
      ["2018-06-13","day","THREATEN",null,"negated",["North Korea"],["South Korea"],null,"North Korea did not threaten South Korea, the ministry said.",1],
      ["2018-06-13","day","THREATEN",null,"reported",["North Korea"],[],null,"North Korea warned it could call off the next round of talks, officials said.",1],
    ],
  },
  {
    report: 'event-timeline', params: ["actor=korea", "modality=asserted"],
    rows: [
      ["2017-09-19","day","THREATEN",null,"asserted",["Donald Trump"],["North Korea"],null,"Trump said the United States would totally destroy North Korea if forced to defend itself.",2],
      ["2017-10-02","published","CONSULT","backchannel","asserted",["Joseph Yun"],["North Korea"],"New York","Joseph Yun has held quiet talks with North Korean diplomats in New York.",1],
      ["2018-05-09","day","RETREAT","release","asserted",["North Korea"],["United States"],null,"North Korea released three American detainees on Wednesday.",1],
      ["2018-06-13","day","SUPPORT",null,"asserted",["South Korea"],["United States"],null,"South Korea backed the United States' diplomacy.",1],
    ],
  },
  {
    report: 'event-timeline', params: ["from=2017-10", "to=2017-10"],
    rows: [
      ["2017-10-02","published","CONSULT","backchannel","asserted",["Joseph Yun"],["North Korea"],"New York","Joseph Yun has held quiet talks with North Korean diplomats in New York.",1],
    ],
  },
  {
    report: 'threat-network', params: [],
    rows: [
      ["Donald Trump","North Korea",1,"2017-09-19","2017-09-19",2],
      ["North Korea",null,1,"2018-06-13","2018-06-13",1],
    ],
  },
  {
    report: 'threat-network', params: ["modality=all"],
    rows: [
      ["Donald Trump","North Korea",1,"2017-09-19","2017-09-19",2],
      ["North Korea","South Korea",1,"2018-06-13","2018-06-13",1],
      ["North Korea",null,1,"2018-06-13","2018-06-13",1],
    ],
  },
  {
    report: 'cooperation-conflict', params: [],
    rows: [
      ["Donald Trump","North Korea",1,0,-6,-6,"THREATEN x1"],
      ["Donald Trump","Ri Yong Ho",1,0,-3,-3,"ACCUSE x1"],
      ["Joseph Yun","North Korea",1,2,0,2,"CONSULT x1"],
      ["Kim Jong Un","Mike Pompeo",1,2,0,2,"CONSULT x1"],
      ["North Korea","United States",1,3,0,3,"RETREAT x1"],
      ["South Korea","United States",1,3,0,3,"SUPPORT x1"],
      ["Donald Trump","Kim Jong Un",1,4,0,4,"AGREE x1"],
    ],
  },
  {
    report: 'cooperation-conflict', params: ["modality=all"],
    rows: [
      ["Donald Trump","North Korea",1,0,-6,-6,"THREATEN x1"],
      ["North Korea","South Korea",1,0,-6,-6,"THREATEN x1"],
      ["Donald Trump","Ri Yong Ho",1,0,-3,-3,"ACCUSE x1"],
      ["South Korea","United Nations Security Council",1,0,-1,-1,"REQUEST x1"],
      ["Joseph Yun","North Korea",1,2,0,2,"CONSULT x1"],
      ["Kim Jong Un","Mike Pompeo",1,2,0,2,"CONSULT x1"],
      ["North Korea","United States",1,3,0,3,"RETREAT x1"],
      ["South Korea","United States",1,3,0,3,"SUPPORT x1"],
      ["Donald Trump","Kim Jong Un",1,4,0,4,"AGREE x1"],
    ],
  },
  {
    report: 'cooperation-conflict', params: ["name=Kim Jong Un"],
    rows: [
      ["Kim Jong Un","Mike Pompeo",1,2,0,2,"CONSULT x1"],
      ["Donald Trump","Kim Jong Un",1,4,0,4,"AGREE x1"],
    ],
  },
  {
    report: 'co-mentions', params: [],
    rows: [
      ["North Korea","State","United States","State",5],
      ["Donald Trump","Person","North Korea","State",3],
      ["Kim Jong Un","Person","North Korea","State",3],
      ["Kim Jong Un","Person","United States","State",3],
      ["North Korea","State","State Department","Institution",3],
      ["State Department","Institution","United States","State",3],
      ["Donald Trump","Person","Kim Jong Un","Person",2],
      ["Donald Trump","Person","United States","State",2],
      ["Kim Jong Un","Person","Mike Pompeo","Person",2],
      ["Kim Jong Un","Person","State Department","Institution",2],
      ["Mike Pompeo","Person","North Korea","State",2],
      ["Mike Pompeo","Person","State Department","Institution",2],
      ["Mike Pompeo","Person","United States","State",2],
    ],
  },
  {
    report: 'co-mentions', params: ["name=Trump", "min=1"],
    rows: [
      ["Donald Trump","Person","North Korea","State",3],
      ["Donald Trump","Person","Kim Jong Un","Person",2],
      ["Donald Trump","Person","United States","State",2],
      ["Donald Trump","Person","Mike Pompeo","Person",1],
      ["Donald Trump","Person","Ministry of Foreign Affairs","Institution",1],
      ["Donald Trump","Person","Ri Yong Ho","Person",1],
      ["Donald Trump","Person","Singapore","State",1],
      ["Donald Trump","Person","State Department","Institution",1],
      ["Donald Trump","Person","UN Security Council","Institution",1],
    ],
  },
  {
    report: 'co-mentions', params: ["label=Person", "min=2"],
    rows: [
      ["Donald Trump","Person","Kim Jong Un","Person",2],
      ["Kim Jong Un","Person","Mike Pompeo","Person",2],
    ],
  },
  {
    report: 'shortest-paths', params: [],
    rows: [
      ["North Korea","United States",1,"North Korea -RETREATS_FROM-> United States"],
    ],
  },
  {
    report: 'shortest-paths', params: ["from=Ri Yong Ho", "to=Mike Pompeo"],
    rows: [
      ["Ri Yong Ho","Mike Pompeo",3,"Ri Yong Ho -ACCUSES-> Donald Trump -AGREES_WITH-> Kim Jong Un <-CONSULTS- Mike Pompeo"],
    ],
  },
  {
    report: 'shortest-paths', params: ["from=Joseph Yun", "to=Singapore", "via=all"],
    rows: [
      ["Joseph Yun","Singapore",3,"Joseph Yun -CONSULTS-> North Korea <-MENTIONS- \"Trump and Kim sign an agreement in Singapore\" -MENTIONS-> Singapore"],
      ["Joseph Yun","Singapore",3,"Joseph Yun -HOLDS_POSITION-> State Department <-MENTIONS- \"Trump and Kim sign an agreement in Singapore\" -MENTIONS-> Singapore"],
    ],
  },
  {
    report: 'state-institutions', params: [],
    rows: [
      ["North Korea","Ministry of Foreign Affairs","government","PART_OF",1,1],
      ["North Korea","Workers' Party of Korea","party","country",1,1],
    ],
  },
  {
    report: 'state-institutions', params: ["name=USA"],
    rows: [
      ["United States","State Department","government","PART_OF",2,3],
    ],
  },
  {
    report: 'state-institutions', params: ["name=south korea"],
    rows: [
      ["South Korea","Ministry of Foreign Affairs","government","PART_OF",0,1],
    ],
  },
  {
    report: 'institution-people', params: [],
    rows: [
      ["State Department","Joseph Yun","Special Representative for North Korea Policy","","2017-10-02","2017-10-02",1,"Joseph Yun is the State Department's special representative for North Korea policy."],
      ["State Department","Mike Pompeo","Secretary of State","","2018-05-10","2018-06-12",2,"Secretary of State Mike Pompeo flew to Pyongyang."],
    ],
  },
  {
    report: 'institution-people', params: ["name=North Korea"],
    rows: [
      ["North Korea","Ri Yong Ho","Foreign Minister","Ministry of Foreign Affairs","2017-09-21","2017-09-21",1,"Ri Yong Ho, North Korea's foreign minister, spoke in New York."],
    ],
  },
  {
    report: 'institution-people', params: ["name=WPK"],
    rows: [
      ["Workers' Party of Korea","Kim Jong Un","Chairman","","2018-05-10","2018-05-10",1,"Kim Jong Un, chairman of the Workers' Party of Korea, received Pompeo."],
    ],
  },
  {
    report: 'single-source-claims', params: [],
    rows: [
      ["event","Ri Yong Ho -ACCUSE-> Donald Trump","2017-09-21","AP","North Korea's foreign minister answers Trump","Ri Yong Ho accused Trump of declaring war on his country, officials said."],
      ["event","Joseph Yun -CONSULT-> North Korea","2017-10-02","Yonhap","US envoy keeps the New York channel open","Joseph Yun has held quiet talks with North Korean diplomats in New York."],
      ["event","Mike Pompeo -CONSULT-> Kim Jong Un","2018-05-09","Reuters","Pompeo brings three Americans home from Pyongyang","Pompeo met Kim Jong Un in Pyongyang on Wednesday."],
      ["event","North Korea -RETREAT-> United States","2018-05-09","Reuters","Pompeo brings three Americans home from Pyongyang","North Korea released three American detainees on Wednesday."],
      ["event","Donald Trump -AGREE-> Kim Jong Un","2018-06-12","AP","Trump and Kim sign an agreement in Singapore","Trump and Kim Jong Un signed a joint statement in Singapore."],
      ["event","North Korea -THREATEN-> ?","2018-06-13","Yonhap","Seoul welcomes the summit; Pyongyang denies new threats","North Korea warned it could call off the next round of talks, officials said."],
      ["event","North Korea -THREATEN-> South Korea","2018-06-13","Yonhap","Seoul welcomes the summit; Pyongyang denies new threats","North Korea did not threaten South Korea, the ministry said."],
      ["event","South Korea -REQUEST-> United Nations Security Council","2018-06-13","Yonhap","Seoul welcomes the summit; Pyongyang denies new threats","South Korea will ask the United Nations Security Council to ease sanctions."],
      ["event","South Korea -SUPPORT-> United States","2018-06-13","Yonhap","Seoul welcomes the summit; Pyongyang denies new threats","South Korea backed the United States' diplomacy."],
      ["relation","Ministry of Foreign Affairs -PART_OF-> North Korea","2017-09-21","AP","North Korea's foreign minister answers Trump","North Korea's Ministry of Foreign Affairs issued a statement."],
      ["relation","Ri Yong Ho -HOLDS_POSITION-> Ministry of Foreign Affairs (Foreign Minister)","2017-09-21","AP","North Korea's foreign minister answers Trump","Ri Yong Ho, North Korea's foreign minister, spoke in New York."],
      ["relation","Joseph Yun -HOLDS_POSITION-> State Department (Special Representative for North Korea Policy)","2017-10-02","Yonhap","US envoy keeps the New York channel open","Joseph Yun is the State Department's special representative for North Korea policy."],
      ["relation","New York -LOCATED_IN-> United States","2017-10-02","Yonhap","US envoy keeps the New York channel open","Diplomats meet in New York, in the United States."],
      ["relation","State Department -PART_OF-> United States","2017-10-02","Yonhap","US envoy keeps the New York channel open","The State Department runs the foreign policy of the United States."],
      ["relation","Kim Jong Un -HOLDS_POSITION-> Workers' Party of Korea (Chairman)","2018-05-10","Reuters","Pompeo brings three Americans home from Pyongyang","Kim Jong Un, chairman of the Workers' Party of Korea, received Pompeo."],
      ["relation","Ministry of Foreign Affairs -PART_OF-> South Korea","2018-06-13","Yonhap","Seoul welcomes the summit; Pyongyang denies new threats","South Korea's foreign ministry welcomed the summit."],
    ],
  },
  {
    report: 'single-source-claims', params: ["kind=relation", "limit=2"],
    rows: [
      ["relation","Ministry of Foreign Affairs -PART_OF-> North Korea","2017-09-21","AP","North Korea's foreign minister answers Trump","North Korea's Ministry of Foreign Affairs issued a statement."],
      ["relation","Ri Yong Ho -HOLDS_POSITION-> Ministry of Foreign Affairs (Foreign Minister)","2017-09-21","AP","North Korea's foreign minister answers Trump","Ri Yong Ho, North Korea's foreign minister, spoke in New York."],
    ],
  },
  {
    report: 'new-entities', params: [],
    rows: [
      ["Kim Jong-un","Person","2018-06-13",1,"person:kim jong-un"],
      ["Ministry of Foreign Affairs","Institution","2018-06-13",1,"institution:ministry of foreign affairs:KOR"],
      ["South Korea","State","2018-06-13",1,"state:KOR"],
      ["United Nations Security Council","Institution","2018-06-13",1,"institution:united nations security council"],
      ["Singapore","State","2018-06-12",1,"state:SGP"],
      ["Mike Pompeo","Person","2018-05-10",2,"person:mike pompeo"],
      ["Pyongyang","Place","2018-05-10",1,"place:pyongyang:PRK"],
      ["Workers' Party of Korea","Institution","2018-05-10",1,"institution:workers' party of korea:PRK"],
      ["State Department","Institution","2017-10-02",3,"institution:state department:USA"],
      ["Joseph Yun","Person","2017-10-02",1,"person:joseph yun"],
      ["New York","Place","2017-10-02",1,"place:new york:USA"],
      ["Ministry of Foreign Affairs","Institution","2017-09-21",1,"institution:ministry of foreign affairs:PRK"],
      ["Ri Yong Ho","Person","2017-09-21",1,"person:ri yong ho"],
      ["North Korea","State","2017-09-20",6,"state:PRK"],
      ["United States","State","2017-09-20",5,"state:USA"],
      ["Donald Trump","Person","2017-09-20",3,"person:donald trump"],
      ["Kim Jong Un","Person","2017-09-20",3,"person:kim jong un"],
      ["UN Security Council","Institution","2017-09-20",1,"institution:un security council"],
    ],
  },
  {
    report: 'new-entities', params: ["since=2018-06-01"],
    rows: [
      ["Kim Jong-un","Person","2018-06-13",1,"person:kim jong-un"],
      ["Ministry of Foreign Affairs","Institution","2018-06-13",1,"institution:ministry of foreign affairs:KOR"],
      ["South Korea","State","2018-06-13",1,"state:KOR"],
      ["United Nations Security Council","Institution","2018-06-13",1,"institution:united nations security council"],
      ["Singapore","State","2018-06-12",1,"state:SGP"],
    ],
  },
  {
    report: 'new-entities', params: ["by=ingested", "since=2024-02-01", "label=Person"],
    rows: [
      ["Mike Pompeo","Person","2024-02-01",2,"person:mike pompeo"],
      ["Kim Jong-un","Person","2024-02-01",1,"person:kim jong-un"],
    ],
  },
  {
    report: 'duplicate-candidates', params: [],
    rows: [
      ["Kim Jong Un","Kim Jong-un","Person",1,"same normalised name","person:kim jong un","person:kim jong-un"],
      ["UN Security Council","United Nations Security Council","Institution",0.9,"shared alias","institution:un security council","institution:united nations security council"],
    ],
  },
  {
    report: 'duplicate-candidates', params: ["label=State", "min=0.7"],
    rows: [
      ["North Korea","South Korea","State",0.71,"similar spelling","state:PRK","state:KOR"],
    ],
  },
  {
    report: 'duplicate-candidates', params: ["label=Institution", "min=0.5"],
    rows: [
      ["UN Security Council","United Nations Security Council","Institution",0.9,"shared alias","institution:un security council","institution:united nations security council"],
    ],
  },
  {
    report: 'entity-articles', params: [],
    rows: [
      ["North Korea","2018-06-13","Seoul welcomes the summit; Pyongyang denies new threats","Yonhap",1,"DPRK, North Korea","https://example.org/yonhap/r6"],
      ["North Korea","2018-06-12","Trump and Kim sign an agreement in Singapore","AP",1,"DPRK, North Korea","https://example.org/ap/r5"],
      ["North Korea","2018-05-10","Pompeo brings three Americans home from Pyongyang","Reuters",2,"DPRK, North Korea","https://example.org/reuters/r4"],
      ["North Korea","2017-10-02","US envoy keeps the New York channel open","Yonhap",1,"DPRK, North Korea","https://example.org/yonhap/r3"],
      ["North Korea","2017-09-21","North Korea's foreign minister answers Trump","AP",2,"DPRK, North Korea","https://example.org/ap/r2"],
      ["North Korea","2017-09-20","Trump warns North Korea at the United Nations","Reuters",4,"DPRK, North Korea","https://example.org/reuters/r1"],
    ],
  },
  {
    report: 'entity-articles', params: ["name=Pompeo"],
    rows: [
      ["Mike Pompeo","2018-06-12","Trump and Kim sign an agreement in Singapore","AP",1,"Mike Pompeo, Pompeo","https://example.org/ap/r5"],
      ["Mike Pompeo","2018-05-10","Pompeo brings three Americans home from Pyongyang","Reuters",2,"Mike Pompeo, Pompeo","https://example.org/reuters/r4"],
    ],
  },
  {
    report: 'fact-support', params: [],
    rows: [
      ["event","Donald Trump -THREATEN-> North Korea","2017-09-19",2,"AP, Reuters",2],
      ["relation","Mike Pompeo -HOLDS_POSITION-> State Department (Secretary of State)","2018-05-10",2,"AP, Reuters",2],
      ["event","Ri Yong Ho -ACCUSE-> Donald Trump","2017-09-21",1,"AP",1],
      ["event","Mike Pompeo -CONSULT-> Kim Jong Un","2018-05-09",1,"Reuters",1],
      ["event","North Korea -RETREAT-> United States","2018-05-09",1,"Reuters",1],
      ["event","Donald Trump -AGREE-> Kim Jong Un","2018-06-12",1,"AP",1],
      ["event","North Korea -THREATEN-> ?","2018-06-13",1,"Yonhap",1],
      ["event","North Korea -THREATEN-> South Korea","2018-06-13",1,"Yonhap",1],
      ["event","South Korea -REQUEST-> United Nations Security Council","2018-06-13",1,"Yonhap",1],
      ["event","South Korea -SUPPORT-> United States","2018-06-13",1,"Yonhap",1],
      ["event","Joseph Yun -CONSULT-> North Korea",null,1,"Yonhap",1],
      ["relation","Ministry of Foreign Affairs -PART_OF-> North Korea","2017-09-21",1,"AP",1],
      ["relation","Ri Yong Ho -HOLDS_POSITION-> Ministry of Foreign Affairs (Foreign Minister)","2017-09-21",1,"AP",1],
      ["relation","Joseph Yun -HOLDS_POSITION-> State Department (Special Representative for North Korea Policy)","2017-10-02",1,"Yonhap",1],
      ["relation","New York -LOCATED_IN-> United States","2017-10-02",1,"Yonhap",1],
      ["relation","State Department -PART_OF-> United States","2017-10-02",1,"Yonhap",1],
      ["relation","Kim Jong Un -HOLDS_POSITION-> Workers' Party of Korea (Chairman)","2018-05-10",1,"Reuters",1],
      ["relation","Ministry of Foreign Affairs -PART_OF-> South Korea","2018-06-13",1,"Yonhap",1],
    ],
  },
  {
    report: 'fact-support', params: ["min=2"],
    rows: [
      ["event","Donald Trump -THREATEN-> North Korea","2017-09-19",2,"AP, Reuters",2],
      ["relation","Mike Pompeo -HOLDS_POSITION-> State Department (Secretary of State)","2018-05-10",2,"AP, Reuters",2],
    ],
  },
  {
    report: 'fact-support', params: ["kind=relation", "min=2"],
    rows: [
      ["relation","Mike Pompeo -HOLDS_POSITION-> State Department (Secretary of State)","2018-05-10",2,"AP, Reuters",2],
    ],
  },
  {
    report: 'event-types', params: [],
    rows: [
      ["THREATEN",-6,3,1,1,1,"2017-09-19","2018-06-13",3],
      ["CONSULT",2,2,2,0,0,"2018-05-09","2018-05-09",2],
      ["ACCUSE",-3,1,0,1,0,"2017-09-21","2017-09-21",1],
      ["AGREE",4,1,1,0,0,"2018-06-12","2018-06-12",1],
      ["REQUEST",-1,1,0,0,1,"2018-06-13","2018-06-13",1],
      ["RETREAT",3,1,1,0,0,"2018-05-09","2018-05-09",1],
      ["SUPPORT",3,1,1,0,0,"2018-06-13","2018-06-13",1],
    ],
  },
  {
    report: 'event-types', params: ["from=2018-06-01"],
    rows: [
      ["THREATEN",-6,2,0,1,1,"2018-06-13","2018-06-13",1],
      ["AGREE",4,1,1,0,0,"2018-06-12","2018-06-12",1],
      ["REQUEST",-1,1,0,0,1,"2018-06-13","2018-06-13",1],
      ["SUPPORT",3,1,1,0,0,"2018-06-13","2018-06-13",1],
    ],
  },
  {
    report: 'place-events', params: [],
    rows: [
      ["New York","Place",1,"CONSULT",null,null,1],
      ["Pyongyang","Place",1,"CONSULT","2018-05-09","2018-05-09",1],
      ["Singapore","State",1,"AGREE","2018-06-12","2018-06-12",1],
    ],
  },
  {
    report: 'place-events', params: ["label=Place"],
    rows: [
      ["New York","Place",1,"CONSULT",null,null,1],
      ["Pyongyang","Place",1,"CONSULT","2018-05-09","2018-05-09",1],
    ],
  },
];

const ROOT = path.resolve(__dirname, '..', '..');
const HOSTILE = [
  "x'}) DETACH DELETE n //",
  '") MATCH (n) DETACH DELETE n RETURN 1 AS x //',
  "' OR 1=1 OR '",
  '$name',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('canned reports against the fixture graph', () => {
  let g: Graph;
  let reports: Report[];
  const byName = (name: string) => reports.find((r) => r.name === name)!;

  beforeAll(async () => {
    await lockDb();
    g = await connect();
    await resetDb(g);
    await new Neo4jWriter(g, { extractorVersion: 'test', now: () => FIRST_CLOCK }).writeArticles(FIRST_BATCH.map(buildResult));
    await new Neo4jWriter(g, { extractorVersion: 'test', now: () => SECOND_CLOCK }).writeArticles(SECOND_BATCH.map(buildResult));
    reports = loadReports();
  });
  afterAll(async () => {
    await g?.close();
    unlockDb();
  });

  it('has exact-row cases for every report, with its defaults and with parameters', () => {
    expect(reports.length).toBeGreaterThanOrEqual(15);
    for (const r of reports) {
      const cases = CASES.filter((c) => c.report === r.name);
      expect({ report: r.name, defaults: cases.some((c) => c.params.length === 0) }).toEqual({ report: r.name, defaults: true });
      if (r.params.length > 0) expect({ report: r.name, withParams: cases.some((c) => c.params.length > 0) }).toEqual({ report: r.name, withParams: true });
    }
  });

  it.each(CASES.map((c) => [`${c.report} ${c.params.join(' ')}`.trim(), c] as const))('%s', async (_title, c) => {
    const report = byName(c.report);
    const rows = await g.query(report.cypher, bindParams(report, c.params));
    for (const row of rows) expect(Object.keys(row)).toEqual(report.columns);
    expect(rows.map((row) => report.columns.map((col) => row[col]))).toEqual(c.rows);
  });

  it('each graph view runs with the defaults and returns nodes, relationships or paths', async () => {
    const graphical = (v: unknown): boolean =>
      v !== null && typeof v === 'object' && ('labels' in v || 'segments' in v || ('type' in v && 'startNodeElementId' in v));
    const withGraph = reports.filter((r) => r.graph);
    expect(withGraph.length).toBeGreaterThanOrEqual(12);
    for (const r of withGraph) {
      const rows = await g.query(r.graph!, bindParams(r, []));
      expect({ report: r.name, rows: rows.length > 0 }).toEqual({ report: r.name, rows: true });
      expect({ report: r.name, graphical: rows.some((row) => Object.values(row).some(graphical)) }).toEqual({ report: r.name, graphical: true });
    }
  });

  it('duplicate-candidates does not pair people for a word both names have, such as a shared surname', async () => {
    const r = byName('duplicate-candidates');
    const baseline = await g.query(r.cypher, bindParams(r, []));
    class Rollback extends Error {
      constructor(readonly rows: Row[]) {
        super('rollback');
      }
    }
    const rows = await g
      .write(async (tx) => {
        await run(tx, `CREATE (:Entity:Person {id: 'person:kim yo jong', name: 'Kim Yo Jong', aliases: ['Kim', 'Kim Yo Jong']})`);
        const got = await run(tx, r.cypher, bindParams(r, []));
        throw new Rollback(got);
      })
      .catch((e: unknown) => (e instanceof Rollback ? e.rows : Promise.reject(e)));
    expect(baseline.map((x) => x.reasons)).toEqual(['same normalised name', 'shared alias']);
    expect(rows).toEqual(baseline);
    expect(await g.query(`MATCH (p:Person {id: 'person:kim yo jong'}) RETURN p`)).toEqual([]);
  });

  it('treats hostile parameter values as data: run in a write transaction they change nothing and match nothing', async () => {
    const before = await counts(g);
    let tried = 0;
    for (const r of reports) {
      for (const p of r.params.filter((x) => x.type === 'string')) {
        for (const evil of HOSTILE) {
          const rows = await g.query(r.cypher, bindParams(r, [`${p.name}=${evil}`]), 'write');
          expect({ report: r.name, param: p.name, evil, rows }).toEqual({ report: r.name, param: p.name, evil, rows: [] });
          tried++;
        }
      }
      for (const p of r.params.filter((x) => x.type !== 'string')) {
        expect(() => bindParams(r, [`${p.name}=${HOSTILE[0]}`])).toThrow(/bad value for/);
      }
    }
    expect(tried).toBeGreaterThanOrEqual(HOSTILE.length * 10);
    expect(await counts(g)).toEqual(before);
  });

  it('runs every report with its defaults in well under a second (median of 3 runs)', async () => {
    const slow: string[] = [];
    for (const r of reports) {
      const params = bindParams(r, []);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await g.query(r.cypher, params);
        times.push(performance.now() - t0);
      }
      if (median(times) >= 1000) slow.push(`${r.name}: ${Math.round(median(times))} ms`);
    }
    expect(slow).toEqual([]);
  });

  it('the report command lists every report, prints csv and json, and explains bad input', () => {
    const cli = (args: string[]) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'newsgraph.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: process.env, timeout: 60_000 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const list = cli(['report', 'list', '--format', 'json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((x: { name: string }) => x.name)).toEqual(reports.map((r) => r.name));
    const csv = cli(['report', 'who-did-what', '-p', 'a=Trump', '-p', 'b=North Korea', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(byName('who-did-what').columns.join(','));
    expect(csv.stdout.split('\n')[1]).toBe('2017-09-19,day,Donald Trump,THREATEN,,North Korea,asserted,Trump said the United States would totally destroy North Korea if forced to defend itself.,2');
    const json = JSON.parse(cli(['report', 'cooperation-conflict', '-p', 'name=Pompeo', '--format', 'json']).stdout);
    expect(json).toEqual([{ a: 'Kim Jong Un', b: 'Mike Pompeo', events: 1, cooperation: 2, conflict: 0, balance: 2, types: 'CONSULT x1' }]);
    const bad = cli(['report', 'event-timeline', '-p', 'type=INVADE']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^newsgraph: bad value for type: "INVADE" \(expected one of any\|AGREE\|.*THREATEN.*\)\. Parameters: type .*actor \(string, default ""\)/);
    const unknown = cli(['report', 'shortest-paths', '-p', 'hops=3']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/report shortest-paths has no parameter "hops"\. Parameters: from \(string, default ""\), to .*via \(one of facts\|all, default facts\), limit \(int, default 10\)/);
  });
});
