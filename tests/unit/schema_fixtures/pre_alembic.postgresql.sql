-- A database as the code before migrations made it (main at 3c71e8a: Store() ran metadata.create_all,
-- Links() made the links table), with 2 assessments, 1 snapshot, 3 change rows and 1 viewer link.
-- (The sequences are set to the rows' ids, as the app's own inserts would have left them.)
-- Made once from that code (SQLite: iterdump; PostgreSQL: pg_dump --inserts --no-owner, psql's
-- \restrict lines removed); tests/unit/test_migrations.py loads it and upgrades it.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: assessments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessments (
    id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    organisation character varying(200) NOT NULL,
    model character varying(4),
    sample boolean NOT NULL,
    document text NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.changes (
    id integer NOT NULL,
    assessment_id character varying(64) NOT NULL,
    version integer NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_kind character varying(12) NOT NULL,
    actor_person character varying(64),
    actor_label character varying(200) NOT NULL,
    ops text NOT NULL,
    paths text NOT NULL
);


--
-- Name: changes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.changes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: changes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.changes_id_seq OWNED BY public.changes.id;


--
-- Name: links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.links (
    id integer NOT NULL,
    assessment_id character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    person_id character varying(64),
    secret_hash character varying(64) NOT NULL,
    names boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: links_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.links_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: links_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.links_id_seq OWNED BY public.links.id;


--
-- Name: snapshots; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.snapshots (
    id integer NOT NULL,
    assessment_id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    document text NOT NULL
);


--
-- Name: snapshots_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.snapshots_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: snapshots_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.snapshots_id_seq OWNED BY public.snapshots.id;


--
-- Name: changes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes ALTER COLUMN id SET DEFAULT nextval('public.changes_id_seq'::regclass);


--
-- Name: links id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.links ALTER COLUMN id SET DEFAULT nextval('public.links_id_seq'::regclass);


--
-- Name: snapshots id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshots ALTER COLUMN id SET DEFAULT nextval('public.snapshots_id_seq'::regclass);


--
-- Data for Name: assessments; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.assessments VALUES ('pre0alembic1', '移行前の評価 / before migrations', 'サンプル株式会社（モデルB）', 'B', true, '{"schema_version":2,"id":"pre0alembic1","organisation":"サンプル株式会社（モデルB）","model":"B","variant":null,"sample":true,"version":27,"targets":{"prerequisite":3,"additional":2},"role_targets":{},"roles":{"poc_external":{"status":"in_house"},"poc_internal":{"status":"in_house"},"legal_advisor":{"status":"in_house"},"notification":{"status":"in_house"},"researcher":{"status":"outsourced","note":"サンプルセキュリティ社（SOC契約）"},"curator":{"status":"outsourced","note":"サンプルセキュリティ社（SOC契約）"},"vulnerability_assessor":{"status":"outsourced","note":"サンプル診断サービス社（年次脆弱性診断契約）"},"self_assessment":{"status":"in_house"},"solution_analyst":{"status":"in_house"},"commander":{"status":"in_house"},"incident_manager":{"status":"in_house"},"incident_handler":{"status":"in_house"},"investigator":{"status":"gap","note":"担当者の異動により後任が未定（サンプル）","user_set":true},"triage":{"status":"in_house"},"forensics":{"status":"outsourced","note":"サンプルセキュリティ社（インシデント対応支援契約）"},"educator":{"status":"gap","user_set":true},"executive":{"status":"in_house"},"csirt_operations_manager":{"status":"in_house"},"system_operations":{"status":"in_house"}},"people":[{"id":"18f2aeb1","name":"山本（サンプル）","itss_level":4,"roles":["commander","triage"]},{"id":"86b10117","name":"中村（サンプル）","itss_level":3,"roles":["poc_external","poc_internal","notification"]},{"id":"ac5f41d3","name":"小林（サンプル）","itss_level":2,"roles":["legal_advisor"]},{"id":"be557b41","name":"加藤（サンプル）","itss_level":3,"roles":["incident_manager","incident_handler"]},{"id":"5d8e5dbd","name":"吉田（サンプル）","itss_level":2,"roles":["incident_handler"]},{"id":"78bc4c0a","name":"山田（サンプル）","itss_level":3,"roles":["solution_analyst"]},{"id":"ba620fc8","name":"佐々木（サンプル）","itss_level":2,"roles":["self_assessment","educator"]},{"id":"088cc9fc","name":"山口（サンプル）","itss_level":3,"roles":["system_operations","incident_handler"]},{"id":"f45a1a08","name":"松本（サンプル）","itss_level":4,"roles":["csirt_operations_manager"]},{"id":"560f7809","name":"井上（サンプル）","itss_level":1,"roles":["executive"]}],"ratings":{"18f2aeb1":{"attack_ttp":2,"own_architecture_business":4,"outage_command":3,"business_impact_outage":3,"executive_communication":2,"prioritise_risk_continuity":3,"security_incident_command":4},"86b10117":{"communicate_accurately":2,"itss_level2_literacy":3,"judge_information":2,"produce_intelligence":4,"external_orgs_academia":3,"known_vulnerabilities":1,"ir_handling_knowledge":3,"judge_and_explain":3,"own_systems":4,"negotiation":3,"security_basics_management":2,"own_guidelines":2,"explain_risk_priority":4},"ac5f41d3":{"communicate_accurately":0,"law_or_it_literacy":2,"legal_tech_trends":1,"deeper_law_it":1,"ir_handling_knowledge":2,"secure_procurement":1},"be557b41":{"system_operations_knowledge":4,"incident_management_reporting":4,"own_architecture":4,"own_business_systems":3,"own_business_systems_experience":3,"incident_response_ability":4,"recovery_knowledge":3,"recovery_ability":4,"emerging_issues":4,"vuln_assessment_knowledge":4,"malware_handling_knowledge":2,"respond_vuln_findings":3,"malware_response_ability":2},"5d8e5dbd":{"system_operations_knowledge":1,"incident_management_reporting":2,"own_architecture":1,"own_business_systems_experience":3,"incident_response_ability":2,"recovery_ability":0,"emerging_issues":2,"respond_vuln_findings":3,"malware_response_ability":2},"78bc4c0a":{"own_systems":2,"own_guidelines":2,"read_intelligence_tech":2,"business_vision_planning":3,"risk_management_process_use":0,"regulations_pcidss":3,"combine_requirements_products":1},"ba620fc8":{"communicate_accurately":3,"itss_level2_literacy":2,"produce_intelligence":2,"known_vulnerabilities":3,"risk_hearing_documentation":3,"regulations_pcidss_isms":2,"own_policy_guidelines":1,"risk_management_process_knowledge":2,"read_intelligence_tech":1,"itss_level3_literacy":2,"communicate_clearly":0},"088cc9fc":{"system_operations_knowledge":1,"incident_management_reporting":2,"own_architecture":1,"own_business_systems_experience":3,"incident_response_ability":2,"recovery_ability":0,"emerging_issues":2,"respond_vuln_findings":3,"malware_response_ability":2,"maintain_csirt_infra":2},"f45a1a08":{"org_management_experience":4,"negotiate_csirt_scope":3},"560f7809":{}},"self_ratings":{},"rating_rule":"lead","scenarios":[],"actions":{}}', 2, '2026-12-02 01:10:00.275345+00', '2026-12-02 01:10:00.383428+00');
INSERT INTO public.assessments VALUES ('pre0alembic2', '', 'サンプルテクノロジー株式会社（モデルC）', 'C', true, '{"schema_version":2,"id":"pre0alembic2","organisation":"サンプルテクノロジー株式会社（モデルC）","model":"C","variant":null,"sample":true,"version":44,"targets":{"prerequisite":3,"additional":2},"role_targets":{},"roles":{"poc_external":{"status":"in_house"},"poc_internal":{"status":"in_house"},"legal_advisor":{"status":"in_house"},"notification":{"status":"in_house"},"researcher":{"status":"in_house"},"curator":{"status":"in_house"},"vulnerability_assessor":{"status":"in_house"},"self_assessment":{"status":"in_house"},"solution_analyst":{"status":"in_house"},"commander":{"status":"in_house"},"incident_manager":{"status":"in_house"},"incident_handler":{"status":"in_house"},"investigator":{"status":"in_house"},"triage":{"status":"in_house"},"forensics":{"status":"in_house"},"educator":{"status":"in_house"},"executive":{"status":"in_house"},"csirt_operations_manager":{"status":"in_house"},"system_operations":{"status":"in_house"}},"people":[{"id":"2090ece6","name":"木村（サンプル）","itss_level":4,"roles":["commander"]},{"id":"fd27c5b2","name":"林（サンプル）","itss_level":3,"roles":["poc_external","notification"]},{"id":"d96a75bb","name":"清水（サンプル）","itss_level":3,"roles":["poc_internal","triage"]},{"id":"88b8f464","name":"山崎（サンプル）","itss_level":2,"roles":["legal_advisor","investigator"]},{"id":"6049721f","name":"森（サンプル）","itss_level":4,"roles":["researcher","curator"]},{"id":"0b359368","name":"池田（サンプル）","itss_level":3,"roles":["curator","forensics"]},{"id":"2b244ebf","name":"橋本（サンプル）","itss_level":4,"roles":["forensics"]},{"id":"497648be","name":"阿部（サンプル）","itss_level":3,"roles":["vulnerability_assessor","solution_analyst"]},{"id":"127fc14f","name":"石川（サンプル）","itss_level":2,"roles":["self_assessment","educator"]},{"id":"2d3ef30a","name":"山下（サンプル）","itss_level":4,"roles":["incident_manager"]},{"id":"b57c3d17","name":"中島（サンプル）","itss_level":3,"roles":["incident_handler"]},{"id":"adf95807","name":"石井（サンプル）","itss_level":2,"roles":["incident_handler","researcher"]},{"id":"11ce80cc","name":"小川（サンプル）","itss_level":3,"roles":["system_operations"]},{"id":"91e8418c","name":"前田（サンプル）","itss_level":4,"roles":["csirt_operations_manager"]},{"id":"dbaeef56","name":"岡田（サンプル）","itss_level":1,"roles":["executive"]}],"ratings":{"2090ece6":{"attack_ttp":3,"own_architecture_business":4,"outage_command":4,"business_impact_outage":4,"executive_communication":3,"prioritise_risk_continuity":4,"security_incident_command":4},"fd27c5b2":{"communicate_accurately":2,"itss_level2_literacy":3,"judge_information":2,"produce_intelligence":4,"external_orgs_academia":3,"known_vulnerabilities":1,"ir_handling_knowledge":3,"judge_and_explain":3,"own_systems":4,"negotiation":3,"security_basics_management":2,"own_guidelines":2,"explain_risk_priority":4},"d96a75bb":{"communicate_accurately":4,"itss_level2_literacy":3,"judge_information":1,"produce_intelligence":3,"external_orgs_academia":4,"known_vulnerabilities":3,"own_architecture_business":2,"business_impact_outage":3,"prioritise_risk_continuity":2},"88b8f464":{"communicate_accurately":2,"itss_level2_literacy":1,"law_or_it_literacy":2,"legal_tech_trends":3,"deeper_law_it":1,"ir_handling_knowledge":2,"secure_procurement":1,"own_systems":2,"use_intelligence":2,"geopolitics_hacktivists_analysis":1,"evidence_seizure":0,"identify_perpetrator":1,"interrogation":0,"attacker_ttp":1,"cybercrime_law":0},"6049721f":{"basic_security":3,"media_literacy":4,"read_english":3,"geopolitics_hacktivists_knowledge":4,"use_media":4,"read_device_detections":2,"attack_ttp":4,"own_architecture_business":4,"use_intelligence":3,"geopolitics_hacktivists_analysis":2,"correlate_device_detections":3,"judge_applicability":2},"0b359368":{"media_literacy":3,"read_english":1,"use_media":3,"attack_ttp":3,"own_architecture_business":4,"use_intelligence":3,"geopolitics_hacktivists_analysis":4,"correlate_device_detections":2,"judge_applicability":2,"vuln_assessment_knowledge":2,"os_internals_programming":3,"digital_forensics":0,"memory_dump_analysis":2,"malware_analysis":3,"reverse_engineering":2,"binary_analysis_tools":1,"event_correlation":2},"2b244ebf":{"vuln_assessment_knowledge":4,"os_internals_programming":4,"digital_forensics":4,"memory_dump_analysis":3,"malware_analysis":4,"reverse_engineering":3,"binary_analysis_tools":4,"event_correlation":4},"497648be":{"own_systems":2,"own_guidelines":2,"vuln_knowledge_stack":3,"packet_analysis":4,"pentest_tools":3,"common_attacks":4,"own_architecture_about":4,"emerging_tech":2,"threat_info":4,"defence_assessment_tools":4,"read_intelligence_tech":3,"business_vision_planning":3,"risk_management_process_use":3,"regulations_pcidss":4,"combine_requirements_products":1},"127fc14f":{"communicate_accurately":1,"itss_level2_literacy":3,"produce_intelligence":3,"known_vulnerabilities":2,"risk_hearing_documentation":2,"regulations_pcidss_isms":0,"own_policy_guidelines":2,"risk_management_process_knowledge":3,"read_intelligence_tech":2,"itss_level3_literacy":2,"communicate_clearly":1},"2d3ef30a":{"system_operations_knowledge":4,"incident_management_reporting":4,"own_architecture":4,"own_business_systems":3,"incident_response_ability":4,"recovery_knowledge":3,"emerging_issues":4,"vuln_assessment_knowledge":4,"malware_handling_knowledge":2},"b57c3d17":{"system_operations_knowledge":2,"incident_management_reporting":3,"own_architecture":2,"own_business_systems_experience":4,"incident_response_ability":3,"recovery_ability":1,"emerging_issues":3,"respond_vuln_findings":4,"malware_response_ability":3},"adf95807":{"basic_security":3,"media_literacy":2,"read_english":0,"geopolitics_hacktivists_knowledge":2,"use_media":3,"read_device_detections":2,"attack_ttp":1,"system_operations_knowledge":2,"incident_management_reporting":1,"own_architecture":3,"own_business_systems_experience":2,"incident_response_ability":0,"recovery_ability":2,"emerging_issues":3,"respond_vuln_findings":2,"malware_response_ability":1},"11ce80cc":{"maintain_csirt_infra":3},"91e8418c":{"org_management_experience":3,"negotiate_csirt_scope":4},"dbaeef56":{}},"self_ratings":{"2090ece6":{"attack_ttp":4,"own_architecture_business":4,"outage_command":4,"business_impact_outage":4,"executive_communication":4,"prioritise_risk_continuity":4,"security_incident_command":4},"fd27c5b2":{"communicate_accurately":1,"itss_level2_literacy":3,"judge_information":0,"produce_intelligence":4,"external_orgs_academia":2,"known_vulnerabilities":0,"ir_handling_knowledge":2,"judge_and_explain":3,"own_systems":2,"negotiation":3,"security_basics_management":1,"own_guidelines":2,"explain_risk_priority":2},"d96a75bb":{"communicate_accurately":4,"itss_level2_literacy":3,"judge_information":2,"produce_intelligence":3,"external_orgs_academia":4,"known_vulnerabilities":3,"own_architecture_business":2,"business_impact_outage":4,"prioritise_risk_continuity":2},"88b8f464":{"communicate_accurately":3,"itss_level2_literacy":1,"law_or_it_literacy":3,"legal_tech_trends":3,"deeper_law_it":3,"ir_handling_knowledge":2,"secure_procurement":2,"own_systems":3,"use_intelligence":2,"geopolitics_hacktivists_analysis":2,"evidence_seizure":2,"identify_perpetrator":1,"interrogation":1,"attacker_ttp":3,"cybercrime_law":0},"6049721f":{"basic_security":2,"media_literacy":4,"read_english":1,"geopolitics_hacktivists_knowledge":4,"use_media":3,"read_device_detections":1,"attack_ttp":4,"own_architecture_business":2,"use_intelligence":3,"geopolitics_hacktivists_analysis":1,"correlate_device_detections":2,"judge_applicability":2},"0b359368":{"media_literacy":3,"read_english":2,"use_media":3,"attack_ttp":4,"own_architecture_business":4,"use_intelligence":3,"geopolitics_hacktivists_analysis":4,"correlate_device_detections":2,"judge_applicability":2,"vuln_assessment_knowledge":2,"os_internals_programming":3,"digital_forensics":0,"memory_dump_analysis":3,"malware_analysis":3,"reverse_engineering":2,"binary_analysis_tools":1,"event_correlation":2},"2b244ebf":{"vuln_assessment_knowledge":4,"os_internals_programming":4,"digital_forensics":4,"memory_dump_analysis":4,"malware_analysis":4,"reverse_engineering":4,"binary_analysis_tools":4,"event_correlation":4},"497648be":{"own_systems":2,"own_guidelines":1,"vuln_knowledge_stack":2,"packet_analysis":4,"pentest_tools":1,"common_attacks":4,"own_architecture_about":3,"emerging_tech":1,"threat_info":4,"defence_assessment_tools":2,"read_intelligence_tech":3,"business_vision_planning":3,"risk_management_process_use":2,"regulations_pcidss":2,"combine_requirements_products":0},"127fc14f":{"communicate_accurately":1,"itss_level2_literacy":3,"produce_intelligence":3,"known_vulnerabilities":2,"risk_hearing_documentation":2,"regulations_pcidss_isms":1,"own_policy_guidelines":2,"risk_management_process_knowledge":3,"read_intelligence_tech":2,"itss_level3_literacy":3,"communicate_clearly":1},"2d3ef30a":{"system_operations_knowledge":4,"incident_management_reporting":4,"own_architecture":4,"own_business_systems":4,"incident_response_ability":4,"recovery_knowledge":4,"emerging_issues":4,"vuln_assessment_knowledge":4,"malware_handling_knowledge":4},"b57c3d17":{"system_operations_knowledge":1,"incident_management_reporting":3,"own_architecture":0,"own_business_systems_experience":4,"incident_response_ability":2,"recovery_ability":0,"emerging_issues":3,"respond_vuln_findings":2,"malware_response_ability":3},"adf95807":{"basic_security":3,"media_literacy":2,"read_english":1,"geopolitics_hacktivists_knowledge":2,"use_media":3,"read_device_detections":2,"attack_ttp":1,"system_operations_knowledge":3,"incident_management_reporting":1,"own_architecture":3,"own_business_systems_experience":2,"incident_response_ability":0,"recovery_ability":3,"emerging_issues":3,"respond_vuln_findings":2,"malware_response_ability":1},"11ce80cc":{"maintain_csirt_infra":4},"91e8418c":{"org_management_experience":2,"negotiate_csirt_scope":4}},"rating_rule":"lead","scenarios":[],"actions":{}}', 1, '2026-12-02 01:10:00.391625+00', '2026-12-02 01:10:00.391625+00');


--
-- Data for Name: changes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.changes VALUES (1, 'pre0alembic1', 1, '2026-12-02 01:10:00.275345+00', 'editor', NULL, '', '[{"name":"create","args":{},"paths":[]}]', '[]');
INSERT INTO public.changes VALUES (2, 'pre0alembic1', 2, '2026-12-02 01:10:00.383428+00', 'editor', NULL, '', '[{"name":"apply_model","args":{"model_id":"B","variant":null},"paths":[["model"],["role","researcher","status"],["role","curator","status"],["role","vulnerability_assessor","status"],["role","forensics","status"]]},{"name":"set_role_status","args":{"role_id":"investigator","status":"gap"},"paths":[["role","investigator","status"]]},{"name":"set_role_note","args":{"role_id":"researcher","note":"サンプルセキュリティ社（SOC契約）"},"paths":[["role","researcher","note"]]},{"name":"set_role_note","args":{"role_id":"curator","note":"サンプルセキュリティ社（SOC契約）"},"paths":[["role","curator","note"]]},{"name":"set_role_note","args":{"role_id":"vulnerability_assessor","note":"サンプル診断サービス社（年次脆弱性診断契約）"},"paths":[["role","vulnerability_assessor","note"]]},{"name":"set_role_note","args":{"role_id":"forensics","note":"サンプルセキュリティ社（インシデント対応支援契約）"},"paths":[["role","forensics","note"]]},{"name":"set_role_note","args":{"role_id":"investigator","note":"担当者の異動により後任が未定（サンプル）"},"paths":[["role","investigator","note"]]},{"name":"add_person","args":{"name":"山本（サンプル）","itss_level":4,"roles":["commander","triage"],"person_id":"18f2aeb1"},"paths":[["person","18f2aeb1"]]},{"name":"set_ratings","args":{"person_id":"18f2aeb1","levels":{"outage_command":3,"own_architecture_business":4,"business_impact_outage":3,"executive_communication":2,"prioritise_risk_continuity":3,"attack_ttp":2,"security_incident_command":4}},"paths":[["rating","lead","18f2aeb1","outage_command"],["rating","lead","18f2aeb1","own_architecture_business"],["rating","lead","18f2aeb1","business_impact_outage"],["rating","lead","18f2aeb1","executive_communication"],["rating","lead","18f2aeb1","prioritise_risk_continuity"],["rating","lead","18f2aeb1","attack_ttp"],["rating","lead","18f2aeb1","security_incident_command"]]},{"name":"add_person","args":{"name":"中村（サンプル）","itss_level":3,"roles":["poc_external","poc_internal","notification"],"person_id":"86b10117"},"paths":[["person","86b10117"]]},{"name":"set_ratings","args":{"person_id":"86b10117","levels":{"communicate_accurately":2,"itss_level2_literacy":3,"judge_information":2,"produce_intelligence":4,"external_orgs_academia":3,"known_vulnerabilities":1,"judge_and_explain":3,"own_systems":4,"negotiation":3,"security_basics_management":2,"ir_handling_knowledge":3,"own_guidelines":2,"explain_risk_priority":4}},"paths":[["rating","lead","86b10117","communicate_accurately"],["rating","lead","86b10117","itss_level2_literacy"],["rating","lead","86b10117","judge_information"],["rating","lead","86b10117","produce_intelligence"],["rating","lead","86b10117","external_orgs_academia"],["rating","lead","86b10117","known_vulnerabilities"],["rating","lead","86b10117","judge_and_explain"],["rating","lead","86b10117","own_systems"],["rating","lead","86b10117","negotiation"],["rating","lead","86b10117","security_basics_management"],["rating","lead","86b10117","ir_handling_knowledge"],["rating","lead","86b10117","own_guidelines"],["rating","lead","86b10117","explain_risk_priority"]]},{"name":"add_person","args":{"name":"小林（サンプル）","itss_level":2,"roles":["legal_advisor"],"person_id":"ac5f41d3"},"paths":[["person","ac5f41d3"]]},{"name":"set_ratings","args":{"person_id":"ac5f41d3","levels":{"law_or_it_literacy":2,"legal_tech_trends":1,"communicate_accurately":0,"deeper_law_it":1,"ir_handling_knowledge":2,"secure_procurement":1}},"paths":[["rating","lead","ac5f41d3","law_or_it_literacy"],["rating","lead","ac5f41d3","legal_tech_trends"],["rating","lead","ac5f41d3","communicate_accurately"],["rating","lead","ac5f41d3","deeper_law_it"],["rating","lead","ac5f41d3","ir_handling_knowledge"],["rating","lead","ac5f41d3","secure_procurement"]]},{"name":"add_person","args":{"name":"加藤（サンプル）","itss_level":3,"roles":["incident_manager","incident_handler"],"person_id":"be557b41"},"paths":[["person","be557b41"]]},{"name":"set_ratings","args":{"person_id":"be557b41","levels":{"system_operations_knowledge":4,"incident_management_reporting":4,"own_architecture":4,"own_business_systems":3,"incident_response_ability":4,"recovery_knowledge":3,"emerging_issues":4,"vuln_assessment_knowledge":4,"malware_handling_knowledge":2,"own_business_systems_experience":3,"recovery_ability":4,"respond_vuln_findings":3,"malware_response_ability":2}},"paths":[["rating","lead","be557b41","system_operations_knowledge"],["rating","lead","be557b41","incident_management_reporting"],["rating","lead","be557b41","own_architecture"],["rating","lead","be557b41","own_business_systems"],["rating","lead","be557b41","incident_response_ability"],["rating","lead","be557b41","recovery_knowledge"],["rating","lead","be557b41","emerging_issues"],["rating","lead","be557b41","vuln_assessment_knowledge"],["rating","lead","be557b41","malware_handling_knowledge"],["rating","lead","be557b41","own_business_systems_experience"],["rating","lead","be557b41","recovery_ability"],["rating","lead","be557b41","respond_vuln_findings"],["rating","lead","be557b41","malware_response_ability"]]},{"name":"add_person","args":{"name":"吉田（サンプル）","itss_level":2,"roles":["incident_handler"],"person_id":"5d8e5dbd"},"paths":[["person","5d8e5dbd"]]},{"name":"set_ratings","args":{"person_id":"5d8e5dbd","levels":{"system_operations_knowledge":1,"incident_management_reporting":2,"own_architecture":1,"own_business_systems_experience":3,"incident_response_ability":2,"recovery_ability":0,"emerging_issues":2,"respond_vuln_findings":3,"malware_response_ability":2}},"paths":[["rating","lead","5d8e5dbd","system_operations_knowledge"],["rating","lead","5d8e5dbd","incident_management_reporting"],["rating","lead","5d8e5dbd","own_architecture"],["rating","lead","5d8e5dbd","own_business_systems_experience"],["rating","lead","5d8e5dbd","incident_response_ability"],["rating","lead","5d8e5dbd","recovery_ability"],["rating","lead","5d8e5dbd","emerging_issues"],["rating","lead","5d8e5dbd","respond_vuln_findings"],["rating","lead","5d8e5dbd","malware_response_ability"]]},{"name":"add_person","args":{"name":"山田（サンプル）","itss_level":3,"roles":["solution_analyst"],"person_id":"78bc4c0a"},"paths":[["person","78bc4c0a"]]},{"name":"set_ratings","args":{"person_id":"78bc4c0a","levels":{"business_vision_planning":3,"own_guidelines":2,"risk_management_process_use":0,"own_systems":2,"regulations_pcidss":3,"read_intelligence_tech":2,"combine_requirements_products":1}},"paths":[["rating","lead","78bc4c0a","business_vision_planning"],["rating","lead","78bc4c0a","own_guidelines"],["rating","lead","78bc4c0a","risk_management_process_use"],["rating","lead","78bc4c0a","own_systems"],["rating","lead","78bc4c0a","regulations_pcidss"],["rating","lead","78bc4c0a","read_intelligence_tech"],["rating","lead","78bc4c0a","combine_requirements_products"]]},{"name":"add_person","args":{"name":"佐々木（サンプル）","itss_level":2,"roles":["self_assessment","educator"],"person_id":"ba620fc8"},"paths":[["person","ba620fc8"]]},{"name":"set_ratings","args":{"person_id":"ba620fc8","levels":{"itss_level2_literacy":2,"risk_hearing_documentation":3,"regulations_pcidss_isms":2,"own_policy_guidelines":1,"risk_management_process_knowledge":2,"read_intelligence_tech":1,"communicate_accurately":3,"itss_level3_literacy":2,"communicate_clearly":0,"produce_intelligence":2,"known_vulnerabilities":3}},"paths":[["rating","lead","ba620fc8","itss_level2_literacy"],["rating","lead","ba620fc8","risk_hearing_documentation"],["rating","lead","ba620fc8","regulations_pcidss_isms"],["rating","lead","ba620fc8","own_policy_guidelines"],["rating","lead","ba620fc8","risk_management_process_knowledge"],["rating","lead","ba620fc8","read_intelligence_tech"],["rating","lead","ba620fc8","communicate_accurately"],["rating","lead","ba620fc8","itss_level3_literacy"],["rating","lead","ba620fc8","communicate_clearly"],["rating","lead","ba620fc8","produce_intelligence"],["rating","lead","ba620fc8","known_vulnerabilities"]]},{"name":"add_person","args":{"name":"山口（サンプル）","itss_level":3,"roles":["system_operations","incident_handler"],"person_id":"088cc9fc"},"paths":[["person","088cc9fc"]]},{"name":"set_ratings","args":{"person_id":"088cc9fc","levels":{"system_operations_knowledge":1,"incident_management_reporting":2,"own_architecture":1,"own_business_systems_experience":3,"incident_response_ability":2,"recovery_ability":0,"emerging_issues":2,"respond_vuln_findings":3,"malware_response_ability":2,"maintain_csirt_infra":2}},"paths":[["rating","lead","088cc9fc","system_operations_knowledge"],["rating","lead","088cc9fc","incident_management_reporting"],["rating","lead","088cc9fc","own_architecture"],["rating","lead","088cc9fc","own_business_systems_experience"],["rating","lead","088cc9fc","incident_response_ability"],["rating","lead","088cc9fc","recovery_ability"],["rating","lead","088cc9fc","emerging_issues"],["rating","lead","088cc9fc","respond_vuln_findings"],["rating","lead","088cc9fc","malware_response_ability"],["rating","lead","088cc9fc","maintain_csirt_infra"]]},{"name":"add_person","args":{"name":"松本（サンプル）","itss_level":4,"roles":["csirt_operations_manager"],"person_id":"f45a1a08"},"paths":[["person","f45a1a08"]]},{"name":"set_ratings","args":{"person_id":"f45a1a08","levels":{"org_management_experience":4,"negotiate_csirt_scope":3}},"paths":[["rating","lead","f45a1a08","org_management_experience"],["rating","lead","f45a1a08","negotiate_csirt_scope"]]},{"name":"add_person","args":{"name":"井上（サンプル）","itss_level":1,"roles":["executive"],"person_id":"560f7809"},"paths":[["person","560f7809"]]},{"name":"set_role_status","args":{"role_id":"educator","status":"gap"},"paths":[["role","educator","status"]]}]', '[["model"],["role","researcher","status"],["role","curator","status"],["role","vulnerability_assessor","status"],["role","forensics","status"],["role","investigator","status"],["role","researcher","note"],["role","curator","note"],["role","vulnerability_assessor","note"],["role","forensics","note"],["role","investigator","note"],["person","18f2aeb1"],["rating","lead","18f2aeb1","outage_command"],["rating","lead","18f2aeb1","own_architecture_business"],["rating","lead","18f2aeb1","business_impact_outage"],["rating","lead","18f2aeb1","executive_communication"],["rating","lead","18f2aeb1","prioritise_risk_continuity"],["rating","lead","18f2aeb1","attack_ttp"],["rating","lead","18f2aeb1","security_incident_command"],["person","86b10117"],["rating","lead","86b10117","communicate_accurately"],["rating","lead","86b10117","itss_level2_literacy"],["rating","lead","86b10117","judge_information"],["rating","lead","86b10117","produce_intelligence"],["rating","lead","86b10117","external_orgs_academia"],["rating","lead","86b10117","known_vulnerabilities"],["rating","lead","86b10117","judge_and_explain"],["rating","lead","86b10117","own_systems"],["rating","lead","86b10117","negotiation"],["rating","lead","86b10117","security_basics_management"],["rating","lead","86b10117","ir_handling_knowledge"],["rating","lead","86b10117","own_guidelines"],["rating","lead","86b10117","explain_risk_priority"],["person","ac5f41d3"],["rating","lead","ac5f41d3","law_or_it_literacy"],["rating","lead","ac5f41d3","legal_tech_trends"],["rating","lead","ac5f41d3","communicate_accurately"],["rating","lead","ac5f41d3","deeper_law_it"],["rating","lead","ac5f41d3","ir_handling_knowledge"],["rating","lead","ac5f41d3","secure_procurement"],["person","be557b41"],["rating","lead","be557b41","system_operations_knowledge"],["rating","lead","be557b41","incident_management_reporting"],["rating","lead","be557b41","own_architecture"],["rating","lead","be557b41","own_business_systems"],["rating","lead","be557b41","incident_response_ability"],["rating","lead","be557b41","recovery_knowledge"],["rating","lead","be557b41","emerging_issues"],["rating","lead","be557b41","vuln_assessment_knowledge"],["rating","lead","be557b41","malware_handling_knowledge"],["rating","lead","be557b41","own_business_systems_experience"],["rating","lead","be557b41","recovery_ability"],["rating","lead","be557b41","respond_vuln_findings"],["rating","lead","be557b41","malware_response_ability"],["person","5d8e5dbd"],["rating","lead","5d8e5dbd","system_operations_knowledge"],["rating","lead","5d8e5dbd","incident_management_reporting"],["rating","lead","5d8e5dbd","own_architecture"],["rating","lead","5d8e5dbd","own_business_systems_experience"],["rating","lead","5d8e5dbd","incident_response_ability"],["rating","lead","5d8e5dbd","recovery_ability"],["rating","lead","5d8e5dbd","emerging_issues"],["rating","lead","5d8e5dbd","respond_vuln_findings"],["rating","lead","5d8e5dbd","malware_response_ability"],["person","78bc4c0a"],["rating","lead","78bc4c0a","business_vision_planning"],["rating","lead","78bc4c0a","own_guidelines"],["rating","lead","78bc4c0a","risk_management_process_use"],["rating","lead","78bc4c0a","own_systems"],["rating","lead","78bc4c0a","regulations_pcidss"],["rating","lead","78bc4c0a","read_intelligence_tech"],["rating","lead","78bc4c0a","combine_requirements_products"],["person","ba620fc8"],["rating","lead","ba620fc8","itss_level2_literacy"],["rating","lead","ba620fc8","risk_hearing_documentation"],["rating","lead","ba620fc8","regulations_pcidss_isms"],["rating","lead","ba620fc8","own_policy_guidelines"],["rating","lead","ba620fc8","risk_management_process_knowledge"],["rating","lead","ba620fc8","read_intelligence_tech"],["rating","lead","ba620fc8","communicate_accurately"],["rating","lead","ba620fc8","itss_level3_literacy"],["rating","lead","ba620fc8","communicate_clearly"],["rating","lead","ba620fc8","produce_intelligence"],["rating","lead","ba620fc8","known_vulnerabilities"],["person","088cc9fc"],["rating","lead","088cc9fc","system_operations_knowledge"],["rating","lead","088cc9fc","incident_management_reporting"],["rating","lead","088cc9fc","own_architecture"],["rating","lead","088cc9fc","own_business_systems_experience"],["rating","lead","088cc9fc","incident_response_ability"],["rating","lead","088cc9fc","recovery_ability"],["rating","lead","088cc9fc","emerging_issues"],["rating","lead","088cc9fc","respond_vuln_findings"],["rating","lead","088cc9fc","malware_response_ability"],["rating","lead","088cc9fc","maintain_csirt_infra"],["person","f45a1a08"],["rating","lead","f45a1a08","org_management_experience"],["rating","lead","f45a1a08","negotiate_csirt_scope"],["person","560f7809"],["role","educator","status"]]');
INSERT INTO public.changes VALUES (3, 'pre0alembic2', 1, '2026-12-02 01:10:00.391625+00', 'editor', NULL, '', '[{"name":"create","args":{},"paths":[]}]', '[]');


--
-- Data for Name: links; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.links VALUES (1, 'pre0alembic1', 'viewer', NULL, '5f232d7b8a055a9fe7fd0d2a835b5eeb7c1082515daa11e7235d3f715166826a', false, '2026-12-02 01:10:00.396055+00', NULL);


--
-- Data for Name: snapshots; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.snapshots VALUES (1, 'pre0alembic1', '第1回 / first', '2026-12-02 01:10:00.380542+00', '{"schema_version":2,"id":"pre0alembic1","organisation":"サンプル株式会社（モデルB）","model":"B","variant":null,"sample":true,"version":26,"targets":{"prerequisite":3,"additional":2},"role_targets":{},"roles":{"poc_external":{"status":"in_house"},"poc_internal":{"status":"in_house"},"legal_advisor":{"status":"in_house"},"notification":{"status":"in_house"},"researcher":{"status":"outsourced","note":"サンプルセキュリティ社（SOC契約）"},"curator":{"status":"outsourced","note":"サンプルセキュリティ社（SOC契約）"},"vulnerability_assessor":{"status":"outsourced","note":"サンプル診断サービス社（年次脆弱性診断契約）"},"self_assessment":{"status":"in_house"},"solution_analyst":{"status":"in_house"},"commander":{"status":"in_house"},"incident_manager":{"status":"in_house"},"incident_handler":{"status":"in_house"},"investigator":{"status":"gap","note":"担当者の異動により後任が未定（サンプル）","user_set":true},"triage":{"status":"in_house"},"forensics":{"status":"outsourced","note":"サンプルセキュリティ社（インシデント対応支援契約）"},"educator":{"status":"in_house"},"executive":{"status":"in_house"},"csirt_operations_manager":{"status":"in_house"},"system_operations":{"status":"in_house"}},"people":[{"id":"18f2aeb1","name":"山本（サンプル）","itss_level":4,"roles":["commander","triage"]},{"id":"86b10117","name":"中村（サンプル）","itss_level":3,"roles":["poc_external","poc_internal","notification"]},{"id":"ac5f41d3","name":"小林（サンプル）","itss_level":2,"roles":["legal_advisor"]},{"id":"be557b41","name":"加藤（サンプル）","itss_level":3,"roles":["incident_manager","incident_handler"]},{"id":"5d8e5dbd","name":"吉田（サンプル）","itss_level":2,"roles":["incident_handler"]},{"id":"78bc4c0a","name":"山田（サンプル）","itss_level":3,"roles":["solution_analyst"]},{"id":"ba620fc8","name":"佐々木（サンプル）","itss_level":2,"roles":["self_assessment","educator"]},{"id":"088cc9fc","name":"山口（サンプル）","itss_level":3,"roles":["system_operations","incident_handler"]},{"id":"f45a1a08","name":"松本（サンプル）","itss_level":4,"roles":["csirt_operations_manager"]},{"id":"560f7809","name":"井上（サンプル）","itss_level":1,"roles":["executive"]}],"ratings":{"18f2aeb1":{"attack_ttp":2,"own_architecture_business":4,"outage_command":3,"business_impact_outage":3,"executive_communication":2,"prioritise_risk_continuity":3,"security_incident_command":4},"86b10117":{"communicate_accurately":2,"itss_level2_literacy":3,"judge_information":2,"produce_intelligence":4,"external_orgs_academia":3,"known_vulnerabilities":1,"ir_handling_knowledge":3,"judge_and_explain":3,"own_systems":4,"negotiation":3,"security_basics_management":2,"own_guidelines":2,"explain_risk_priority":4},"ac5f41d3":{"communicate_accurately":0,"law_or_it_literacy":2,"legal_tech_trends":1,"deeper_law_it":1,"ir_handling_knowledge":2,"secure_procurement":1},"be557b41":{"system_operations_knowledge":4,"incident_management_reporting":4,"own_architecture":4,"own_business_systems":3,"own_business_systems_experience":3,"incident_response_ability":4,"recovery_knowledge":3,"recovery_ability":4,"emerging_issues":4,"vuln_assessment_knowledge":4,"malware_handling_knowledge":2,"respond_vuln_findings":3,"malware_response_ability":2},"5d8e5dbd":{"system_operations_knowledge":1,"incident_management_reporting":2,"own_architecture":1,"own_business_systems_experience":3,"incident_response_ability":2,"recovery_ability":0,"emerging_issues":2,"respond_vuln_findings":3,"malware_response_ability":2},"78bc4c0a":{"own_systems":2,"own_guidelines":2,"read_intelligence_tech":2,"business_vision_planning":3,"risk_management_process_use":0,"regulations_pcidss":3,"combine_requirements_products":1},"ba620fc8":{"communicate_accurately":3,"itss_level2_literacy":2,"produce_intelligence":2,"known_vulnerabilities":3,"risk_hearing_documentation":3,"regulations_pcidss_isms":2,"own_policy_guidelines":1,"risk_management_process_knowledge":2,"read_intelligence_tech":1,"itss_level3_literacy":2,"communicate_clearly":0},"088cc9fc":{"system_operations_knowledge":1,"incident_management_reporting":2,"own_architecture":1,"own_business_systems_experience":3,"incident_response_ability":2,"recovery_ability":0,"emerging_issues":2,"respond_vuln_findings":3,"malware_response_ability":2,"maintain_csirt_infra":2},"f45a1a08":{"org_management_experience":4,"negotiate_csirt_scope":3},"560f7809":{}},"self_ratings":{},"rating_rule":"lead","scenarios":[],"actions":{}}');


--
-- Name: changes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.changes_id_seq', 3, true);


--
-- Name: links_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.links_id_seq', 1, true);


--
-- Name: snapshots_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.snapshots_id_seq', 1, true);


--
-- Name: assessments assessments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessments
    ADD CONSTRAINT assessments_pkey PRIMARY KEY (id);


--
-- Name: changes changes_one_per_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes
    ADD CONSTRAINT changes_one_per_version UNIQUE (assessment_id, version);


--
-- Name: changes changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes
    ADD CONSTRAINT changes_pkey PRIMARY KEY (id);


--
-- Name: links links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.links
    ADD CONSTRAINT links_pkey PRIMARY KEY (id);


--
-- Name: links links_secret_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.links
    ADD CONSTRAINT links_secret_hash_key UNIQUE (secret_hash);


--
-- Name: snapshots snapshots_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshots
    ADD CONSTRAINT snapshots_pkey PRIMARY KEY (id);


--
-- Name: ix_links_assessment_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_links_assessment_id ON public.links USING btree (assessment_id);


--
-- Name: ix_snapshots_assessment_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_snapshots_assessment_id ON public.snapshots USING btree (assessment_id);


--
-- Name: changes changes_assessment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.changes
    ADD CONSTRAINT changes_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES public.assessments(id) ON DELETE CASCADE;


--
-- Name: links links_assessment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.links
    ADD CONSTRAINT links_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES public.assessments(id) ON DELETE CASCADE;


--
-- Name: snapshots snapshots_assessment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshots
    ADD CONSTRAINT snapshots_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES public.assessments(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


