"""HELD-OUT matching set (frozen): writes lever/*.json (a second, independent Lever world) and
scenarios.jsonl (calls with their expected outcome). Written for issue 13 before the engine
changes of that issue and never used to tune weights: do not edit cases to make the engine pass;
add new cases to the training set (../make_scenarios.py) instead. Same formats as the training set."""
import json, datetime, os
def ms(s): return int(datetime.datetime.fromisoformat(s.replace('Z','+00:00')).timestamp()*1000)
users = [("u1","Hiro Tanaka","hiro@initech.com"),("u2","Paula Mendes","paula@initech.com"),("u3","Quinn OBrien","quinn@initech.com"),
         ("u4","Raj Iyer","raj@initech.com"),("u5","Sofia Klein","sofia@initech.com")]
U = {u[0]:u for u in users}
def iv_people(*ids): return [{"id":i,"name":U[i][1],"email":U[i][2]} for i in ids]
postings = [{"id":"hp1","text":"Platform Engineer","state":"published"},{"id":"hp2","text":"UX Researcher","state":"published"}]
stages = [{"id":"phone-screen","text":"Phone Screen"},{"id":"onsite","text":"On-site"}]
opps=[]; ivs=[]
def opp(id, name, emails, phones=(), contact=None, posting="hp1", stage="onsite", location="Remote"):
    opps.append({"id":id,"name":name,"emails":list(emails),"phones":[{"type":"mobile","value":p} for p in phones],
                 "contact":contact or "c-"+id,"stage":stage,"location":location,"isAnonymized":False,
                 "applications":["a-"+id],"urls":{"list":"https://hire.lever.co/candidates","show":"https://hire.lever.co/candidates/"+id},
                 "createdAt":ms("2026-05-01T00:00:00Z"),"archived":None,"tags":[],"sources":[],"links":[],"followers":[],"stageChanges":[]})
def iv(id, opp_id, start, minutes, location, interviewers, tz="America/New_York", canceled=None, posting="hp1", stage="onsite"):
    o = next(x for x in opps if x["id"]==opp_id)
    ivs.append({"id":id,"panel":"pa-"+opp_id,"subject":"Interview with "+o["name"],"note":"",
                "interviewers":iv_people(*interviewers),"timezone":tz,"createdAt":ms("2026-05-20T00:00:00Z"),
                "date":ms(start),"duration":minutes,"location":location,"feedbackTemplate":"ft1","feedbackForms":[],
                "feedbackReminder":"once","user":"u1","stage":stage,"canceledAt":ms(canceled) if canceled else None,
                "postings":[posting],"gcalEventUrl":None,"opportunityId":opp_id})
Z=lambda n: "https://initech.zoom.us/j/9100000%04d" % n
opp("h1","Ahmed Khan",["ahmed.khan@gmail.com"],["+44 7700 900123"])
iv("hi1","h1","2026-06-01T09:00:00Z",60,Z(1),["u1","u2"],tz="Europe/London")
opp("h2","Beatriz Souza",["bia.souza@outlook.com"],posting="hp2")
iv("hi2","h2","2026-06-01T13:00:00Z",45,"https://meet.google.com/hxa-bcde-fgh",["u3"],posting="hp2")
opp("h3","Chris Johnson",["chris.johnson@gmail.com"],["+1 415 555 0199"],stage="phone-screen")
iv("hi3","h3","2026-06-02T15:00:00Z",30,"Phone: (415) 555-0199",["u4"],stage="phone-screen")
opp("h4","Chris Johnson",["cjohnson.dev@yahoo.com"])
iv("hi4","h4","2026-06-02T15:30:00Z",45,Z(4),["u5"])
opp("h5","Dmitri Volkov",["dmitri.volkov@proton.me"])
iv("hi5","h5","2026-06-03T16:00:00Z",60,"https://teams.microsoft.com/l/meetup-join/19%3ameeting_HELDOUT5xyz%40thread.v2/0",["u1","u3"])
opp("h6","Elena Petrova",["elena.petrova@gmail.com"])
iv("hi6","h6","2026-06-03T10:00:00Z",45,Z(6),["u2"],canceled="2026-06-02T08:00:00Z")
opp("h7","Fatima Zahra",["fatima.z@icloud.com"])
iv("hi7a","h7","2026-06-04T14:00:00Z",45,Z(7),["u4"])
iv("hi7b","h7","2026-06-08T14:00:00Z",45,Z(17),["u5"])
opp("h8","George Miller",["gmiller@hotmail.com"])
iv("hi8","h8","2026-06-04T18:00:00Z",45,"https://meet.google.com/hxb-cdef-ghi",["u3"],tz="America/Los_Angeles")
opp("h9","Hannah Schmidt",["hannah.schmidt@web.de"])
iv("hi9","h9","2026-06-05T08:00:00Z",45,Z(9),["u1"],tz="Europe/Berlin")
opp("h10","Ivan Horvat",["ivan.horvat@gmail.com"])
opp("h11","Julia Santos",["julia.santos@gmail.com"],["+55 11 91234 5678"])
iv("hi11","h11","2026-06-05T12:00:00Z",30,"Phone: +55 11 91234-5678",["u2"],tz="America/Sao_Paulo",stage="phone-screen")
opp("h12","Michael Brown",["michael.brown@gmail.com"])
iv("hi12","h12","2026-06-09T15:00:00Z",45,Z(12),["u4"])
opp("h13","Michael Brown",["mbrown.design@gmail.com"],posting="hp2")
iv("hi13","h13","2026-06-09T15:00:00Z",45,Z(13),["u5"],posting="hp2")
opp("h14","Laura Chen",["laura.chen@gmail.com"])
iv("hi14","h14","2026-06-10T17:00:00Z",45,Z(14),["u3"])
opp("h15","Kwame Mensah",["kwame.mensah@gmail.com"])
iv("hi15","h15","2026-06-10T13:00:00Z",45,"Dial-in: +1 646 558 8656,,91000000015#",["u2"])
opp("h16","Nina Berg",["nina.berg@gmail.com"],contact="c-nina-1")
opp("h17","Nina Berg",["nina.berg@gmail.com"],contact="c-nina-2")
iv("hi16","h16","2026-06-11T15:00:00Z",45,Z(16),["u1"])
opp("h18","Oscar Lindqvist",["oscar.lindqvist@gmail.com"],["+46 70 123 45 67"])
iv("hi18","h18","2026-06-11T09:00:00Z",45,Z(18),["u2"],tz="Europe/Stockholm")
panels = []
def page(d): return {"data":d,"hasNext":False}

A={"name":"Hiro Tanaka","email":"hiro@initech.com"}; B={"name":"Paula Mendes","email":"paula@initech.com"}; C={"name":"Quinn OBrien","email":"quinn@initech.com"}
D={"name":"Raj Iyer","email":"raj@initech.com"}; E={"name":"Sofia Klein","email":"sofia@initech.com"}
def P(name="", email="", role=None):
    d={"name":name,"email":email}
    if role: d["role"]=role
    return d
S=[]
def sc(id, family, start, end, expect, participants=(), title="Interview", mtype="job_interview", **kw):
    d={"id":id,"title":title,"meeting_type":mtype,"start":start,"end":end,"participants":list(participants),"source":kw.pop("source","calendar")}
    d.update(kw); d["expect"]=dict(expect, family=family); S.append(d)
M=lambda iv,opp,**w: dict(status="matched",interview_id=iv,opportunity_id=opp,**w)
R=lambda reason,**w: dict(status="needs_review",reason=reason,**w)
N=lambda reason,**w: dict(status="no_match",reason=reason,**w)
sc("h01","clean","2026-06-01T09:02:00Z","2026-06-01T09:58:00Z",M("hi1","h1"),[P("Ahmed Khan","ahmed.khan@gmail.com"),A,B],conference_url=Z(1))
sc("h02","safelink_early_overrun","2026-06-01T08:55:00Z","2026-06-01T10:12:00Z",M("hi1","h1"),[P("Ahmed Khan","ahmed.khan@gmail.com"),B],
   description="Join Zoom: https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Finitech.zoom.us%2Fj%2F91000000001&data=05%7C02&reserved=0")
sc("h03","display_nickname_email","2026-06-01T13:00:00Z","2026-06-01T13:45:00Z",M("hi2","h2"),[P("Bia","bia.souza@outlook.com"),C],description="https://meet.google.com/hxa-bcde-fgh")
sc("h04","phone_call_candidate_phone","2026-06-02T15:00:00Z","2026-06-02T15:28:00Z",M("hi3","h3"),[P("Chris J"),D],phone="+1 415-555-0199",title="Phone screen")
sc("h05","common_name_time_interviewer","2026-06-02T15:30:00Z","2026-06-02T16:15:00Z",M("hi4","h4"),[P("Chris Johnson"),E])
sc("h06","same_name_same_time_no_identity","2026-06-09T15:00:00Z","2026-06-09T15:45:00Z",R("ambiguous"),[P("Michael Brown")],title="Call")
sc("h07","email_says_other_same_name","2026-06-09T15:00:00Z","2026-06-09T15:45:00Z",R("identity_conflict"),[P("Michael Brown","michael.brown@gmail.com"),E],conference_url=Z(13))
sc("h08","work_email_name_link_agree","2026-06-03T16:00:00Z","2026-06-03T17:00:00Z",M("hi5","h5",warning="identity_mismatch"),[P("Dmitri Volkov","dmitri@volkov-labs.example"),A,C],
   conference_url="https://teams.microsoft.com/l/meetup-join/19%3ameeting_HELDOUT5xyz%40thread.v2/0")
sc("h09","link_but_other_person","2026-06-05T08:00:00Z","2026-06-05T08:45:00Z",R("identity_conflict"),[P("Tom Weber","tom.weber@gmx.de"),A],conference_url=Z(9))
sc("h10","contradicting_phone_name_time","2026-06-05T12:00:00Z","2026-06-05T12:30:00Z",M("hi11","h11",warning="identity_mismatch"),[P("Julia Santos"),B],phone="+55 11 98888-7777",title="Phone screen")
sc("h11","canceled","2026-06-03T10:00:00Z","2026-06-03T10:45:00Z",N("interview_canceled"),[P("Elena Petrova","elena.petrova@gmail.com"),B],conference_url=Z(6))
sc("h12","second_round","2026-06-08T14:01:00Z","2026-06-08T14:44:00Z",M("hi7b","h7"),[P("Fatima Zahra","fatima.z@icloud.com"),E],conference_url=Z(17))
sc("h13","reschedule_not_updated","2026-06-04T16:30:00Z","2026-06-04T17:15:00Z",M("hi7a","h7",warning="reschedule_suspected"),[P("Fatima Zahra","fatima.z@icloud.com"),D],conference_url=Z(7))
sc("h14","tz_entry_error","2026-06-04T11:00:00Z","2026-06-04T11:45:00Z",M("hi8","h8",warning="timezone_shift_suspected"),[P("George Miller","gmiller@hotmail.com"),C],
   conference_url="https://meet.google.com/hxb-cdef-ghi",timezone="America/Los_Angeles")
sc("h15","local_time_zone","2026-06-05T10:00:00","2026-06-05T10:45:00",M("hi9","h9"),[P("Hannah Schmidt","hannah.schmidt@web.de"),A],timezone="Europe/Berlin")
sc("h16","no_interview_scheduled","2026-06-05T15:00:00Z","2026-06-05T15:30:00Z",N("no_interview_scheduled"),[P("Ivan Horvat","ivan.horvat@gmail.com"),B])
sc("h17","not_in_ats","2026-06-05T16:00:00Z","2026-06-05T16:45:00Z",N("candidate_not_in_ats"),[P("Zoe Park","zoe.park@gmail.com"),C],conference_url=Z(999))
sc("h18","untyped_internal","2026-06-02T09:00:00Z","2026-06-02T09:30:00Z",N("wrong_meeting_type"),[A,B,C],title="Weekly recruiting sync",mtype="unknown")
sc("h19","upload_nothing","2026-06-02T20:00:00Z","2026-06-02T20:40:00Z",N("insufficient_info"),[],title="Recording 2026-06-02.m4a",source="upload")
sc("h20","debrief_named","2026-06-01T17:00:00Z","2026-06-01T17:30:00Z",dict(status="matched",opportunity_id="h1",panel_id="pa-h1"),[A,B],title="Debrief: Ahmed Khan",mtype="debrief")
sc("h21","dial_in_digits","2026-06-10T13:00:00Z","2026-06-10T13:44:00Z",M("hi15","h15"),[B],phone="+1 646 558 8656,,91000000015#",title="Call")
sc("h22","ongoing_invite_interviewer_only","2026-06-10T17:00:00Z","2026-06-10T17:45:00Z",R("insufficient_info"),[C],title="Zoom",source="ongoing_invite")
sc("h23","gmail_dots_no_link","2026-06-10T17:02:00Z","2026-06-10T17:43:00Z",M("hi14","h14"),[P("Laura Chen","laurachen@gmail.com"),C])
sc("h24","name_order_time_interviewers","2026-06-01T09:00:00Z","2026-06-01T10:00:00Z",M("hi1","h1"),[P("Khan Ahmed"),A,B],title="Chat")
sc("h25","duplicate_profile_key_decides","2026-06-11T15:00:00Z","2026-06-11T15:45:00Z",M("hi16","h16"),[P("Nina Berg","nina.berg@gmail.com"),A],conference_url=Z(16))
sc("h26","common_name_interviewer_decides","2026-06-09T15:00:00Z","2026-06-09T15:45:00Z",M("hi12","h12"),[P("Michael Brown"),D])
sc("h27","phone_contradicts_email_agrees","2026-06-11T09:00:00Z","2026-06-11T09:45:00Z",M("hi18","h18"),[P("Oscar Lindqvist","oscar.lindqvist@gmail.com"),B],
   phone="+46 70 999 88 77",conference_url=Z(18))
sc("h28","other_meeting_type","2026-06-03T12:00:00Z","2026-06-03T13:00:00Z",N("wrong_meeting_type"),[A,P("Sales Rep","rep@vendor.example")],title="Vendor demo",mtype="other")
# batches: a duplicate recording; one interview recorded as two different meetings
sc("h29","duplicate_recording_primary","2026-06-09T15:00:00Z","2026-06-09T15:45:00Z",M("hi12","h12"),[P("Michael Brown","michael.brown@gmail.com"),D],conference_url=Z(12),batch="hb1")
sc("h30","duplicate_recording_copy","2026-06-09T15:03:00Z","2026-06-09T15:40:00Z",N("duplicate_call"),[P("Michael Brown","michael.brown@gmail.com"),D],conference_url=Z(12),batch="hb1")
sc("h31","one_interview_two_meetings_scheduled","2026-06-10T17:00:00Z","2026-06-10T17:45:00Z",M("hi14","h14"),[P("Laura Chen","laura.chen@gmail.com"),C],conference_url=Z(14),batch="hb2")
sc("h32","one_interview_two_meetings_followup","2026-06-11T17:00:00Z","2026-06-11T17:30:00Z",R("interview_already_linked"),[P("Laura Chen","laura.chen@gmail.com"),C],conference_url=Z(14),batch="hb2")

os.chdir(os.path.dirname(os.path.abspath(__file__)))
for name,data in [("opportunities",opps),("interviews",ivs),("panels",panels),("users",[{"id":a,"name":b,"email":c,"username":c.split('@')[0],"accessRole":"interviewer","createdAt":ms("2025-01-01T00:00:00Z"),"deactivatedAt":None} for a,b,c in users]),("postings",postings),("stages",stages)]:
    with open(f"lever/{name}.json","w") as f: json.dump(page(data),f,indent=1,ensure_ascii=False)
with open("scenarios.jsonl","w") as f:
    for d in S: f.write(json.dumps(d,ensure_ascii=False)+"\n")
print(len(opps),len(ivs),len(S))
