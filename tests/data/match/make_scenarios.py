"""Writes scenarios.jsonl: hand-written calls with their expected outcome ("expect"), against the
Lever world written by make_world.py. Each call uses the CLI input format; "expect" and "batch"
are ignored by the parser."""
import json
A={"name":"Alice Reed","email":"alice@acme.com"}; B={"name":"Bob Martin","email":"bob@acme.com"}; C={"name":"Carol Chen","email":"carol@acme.com"}
D={"name":"Dan Okafor","email":"dan@acme.com"}; E={"name":"Erin Walsh","email":"erin@acme.com"}; F={"name":"Frank Ito","email":"frank@acme.com"}
def P(name="", email="", role=None, response=None):
    d={"name":name,"email":email}
    if role: d["role"]=role
    if response: d["response"]=response
    return d
S=[]
def sc(id, family, start, end, expect, participants=(), title="Interview", mtype="job_interview", **kw):
    d={"id":id,"title":title,"meeting_type":mtype,"start":start,"end":end,"participants":list(participants),"source":kw.pop("source","calendar")}
    d.update(kw); d["expect"]=dict(expect, family=family); S.append(d)
M=lambda iv,opp,**w: dict(status="matched",interview_id=iv,opportunity_id=opp,**w)
R=lambda reason,**w: dict(status="needs_review",reason=reason,**w)
N=lambda reason,**w: dict(status="no_match",reason=reason,**w)
Z1="https://acme.zoom.us/j/81111111111?pwd=abc"
# clean and link variants
sc("s01","clean","2026-05-04T15:01:00Z","2026-05-04T15:44:00Z",M("i1a","o1"),[P("Jane Doe","jane.doe@gmail.com"),B,C],title="Interview: Jane Doe",conference_url=Z1)
sc("s02","safelinks","2026-05-04T15:00:00Z","2026-05-04T15:45:00Z",M("i1a","o1"),[P("Jane Doe","jane.doe@gmail.com"),B,C],
   description="Join: https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.zoom.us%2Fj%2F81111111111%3Fpwd%3Dabc&data=05%7C01&reserved=0")
sc("s03","google_redirect","2026-05-05T14:02:00Z","2026-05-05T14:58:00Z",M("i2","o2"),[P("William Turner","wturner@outlook.com"),C],
   description="https://www.google.com/url?q=https://meet.google.com/abc-defg-hij&amp;sa=D&amp;ust=17")
sc("s04","teams_legacy","2026-05-05T16:00:00Z","2026-05-05T16:45:00Z",M("i3","o3"),[P("José García","jgarcia@globex.example"),E,F],
   conference_url="https://teams.microsoft.com/l/meetup-join/19%3ameeting_ABC123xyz%40thread.v2/0?context=%7b%22Tid%22%3a%22other%22%7d")
sc("s05","teams_meet_id","2026-05-14T17:00:00Z","2026-05-14T17:40:00Z",M("i18","o18"),[P("Hana Sato","hana+work@sato-family.example"),D],
   conference_url="https://teams.microsoft.com/meet/3456789012345?p=abc")
sc("s06","webex_safelink_gmail_plus","2026-05-14T15:00:00Z","2026-05-14T15:45:00Z",M("i17","o17"),[P("Noah Silva","noah.silva+interviews@gmail.com"),C],
   conference_url="https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Facme.webex.com%2Facme%2Fj.php%3FMTID%3Dm0123456789abcdef&data=1")
# personal vs work email, name variants
sc("s07","personal_vs_work_email","2026-05-05T16:01:00Z","2026-05-05T16:44:00Z",M("i3","o3"),[P("José García","jose.garcia.1990@gmail.com"),E,F],
   conference_url="https://teams.microsoft.com/l/meetup-join/19%3ameeting_ABC123xyz%40thread.v2/0")
sc("s08","gmail_dots_plus","2026-05-07T16:00:00Z","2026-05-07T16:45:00Z",M("i7a","o7a"),[P("Maria R.","m.a.r.i.a.rossi+jobs@googlemail.com"),E])
sc("s09","nickname_time_interviewers","2026-05-05T14:00:00Z","2026-05-05T15:00:00Z",M("i2","o2"),[P("Bill Turner"),C],title="Chat")
sc("s10","diacritics_time_interviewers","2026-05-05T16:00:00Z","2026-05-05T16:45:00Z",M("i3","o3"),[P("Jose Garcia"),E,F])
sc("s11","name_order_swap_phone","2026-05-06T13:00:00Z","2026-05-06T13:30:00Z",M("i4","o4"),[P("Patel Priya"),A])
sc("s12","work_email_unknown_name_time_interviewers","2026-05-04T15:00:00Z","2026-05-04T15:45:00Z",M("i1a","o1"),[P("Jane Doe","jane@doe-consulting.example"),B,C])
sc("s13","name_and_time_only","2026-05-04T15:00:00Z","2026-05-04T15:45:00Z",R("insufficient_info"),[P("Jane Doe")],title="Call")
sc("s14","display_name_differs_email_matches","2026-05-06T13:00:00Z","2026-05-06T13:30:00Z",M("i4","o4"),[P("PP iPhone","priya.patel@yahoo.com")])
# phone / dial-in
sc("s15","candidate_phone","2026-05-06T13:01:00Z","2026-05-06T13:29:00Z",M("i4","o4"),[A],phone="+1 212-555-0144",title="Phone screen")
sc("s16","dial_in_digits","2026-05-12T18:00:00Z","2026-05-12T18:45:00Z",M("i11","o11"),[F],phone="+16465588656,,84444444444#",title="Call")
sc("s17","dial_in_same_bridge_other_meeting","2026-05-12T18:00:00Z","2026-05-12T18:45:00Z",R("insufficient_info"),[F],phone="+16465588656,,89999999999#",title="Call")
sc("s18","dial_in_description","2026-05-12T18:02:00Z","2026-05-12T18:40:00Z",M("i11","o11"),[P("Kai Yamamoto","kai.y@gmail.com"),F],
   description="Join by phone\n+1 646-558-8656\nMeeting ID: 844 4444 4444\nPasscode: 99")
# panels with shared links
sc("s19","panel_shared_link_slot1","2026-05-04T15:00:00Z","2026-05-04T15:44:00Z",M("i1a","o1"),[P("Jane Doe","jane.doe@gmail.com"),B,C],conference_url=Z1)
sc("s20","panel_shared_link_slot2","2026-05-04T15:46:00Z","2026-05-04T16:30:00Z",M("i1b","o1"),[P("Jane Doe","jane.doe@gmail.com"),D,E],conference_url=Z1)
sc("s21","panel_shared_link_no_interviewers","2026-05-04T15:22:00Z","2026-05-04T16:08:00Z",R("ambiguous"),[P("Jane Doe","jane.doe@gmail.com")],conference_url=Z1,title="Onsite")
# personal rooms
sc("s22","pmi_reused_email","2026-05-12T16:00:00Z","2026-05-12T16:45:00Z",M("i10b","o10b"),[P("Omar Haddad","omar.h@gmail.com"),A],conference_url="https://acme.zoom.us/j/5551234567")
sc("s23","pmi_reused_no_identity","2026-05-12T14:00:00Z","2026-05-12T14:45:00Z",R("insufficient_info"),[A],conference_url="https://acme.zoom.us/j/5551234567",title="Zoom meeting")
sc("s24","vanity_personal_room_email","2026-05-13T16:00:00Z","2026-05-13T16:40:00Z",M("i10c","o10c"),[P("Ruth Kim","ruth.kim@gmail.com"),A],conference_url="https://acme.zoom.us/my/alice.recruits")
# reschedules and cancellations
sc("s25","reschedule_not_updated","2026-05-08T16:30:00Z","2026-05-08T17:15:00Z",M("i6b","o6",warning="reschedule_suspected"),[P("Sam Lee","sam.lee@icloud.com"),C,D],conference_url="https://acme.zoom.us/j/86666666602")
sc("s26","reschedule_updated_in_ats","2026-05-08T14:00:00Z","2026-05-08T14:45:00Z",M("i6b","o6"),[P("Sam Lee","sam.lee+x@icloud.com"),C,D])
sc("s27","canceled_only","2026-05-06T17:00:00Z","2026-05-06T17:45:00Z",N("interview_canceled"),[P("Tom Becker","tom.becker@gmail.com"),B],conference_url="https://acme.zoom.us/j/85555555555")
sc("s28","canceled_slot_used_after_reschedule","2026-05-07T14:00:00Z","2026-05-07T14:45:00Z",N("interview_canceled"),[P("Sam Lee","sam.lee@icloud.com"),C,D],conference_url="https://acme.zoom.us/j/86666666601")
# time zones and DST
sc("s29","tz_entry_error","2026-05-13T14:00:00Z","2026-05-13T14:45:00Z",M("i12","o12",warning="timezone_shift_suspected"),[P("Ingrid Larsen","ingrid.larsen@gmail.com"),E],conference_url="https://acme.zoom.us/j/81212121212",timezone="America/New_York")
sc("s30","dst_local_time","2026-03-20T10:00:00","2026-03-20T10:45:00",M("i13","o13"),[P("Felix Bauer","felix.bauer@gmail.com"),B],timezone="America/New_York")
sc("s31","dst_gap_local_time","2026-03-08T02:30:00","2026-03-08T03:15:00",M("i14","o14"),[P("Greta Lind","greta.lind@gmail.com"),C],timezone="America/New_York")
sc("s32","dst_week_wrong_zone","2026-03-20T10:00:00","2026-03-20T10:45:00",M("i13","o13",warning="timezone_shift_suspected"),[P("Felix Bauer","felix.bauer@gmail.com"),B],timezone="Europe/London",conference_url="https://acme.zoom.us/j/81313131313")
sc("s33","windows_zone_name_epoch_ms",1778680800000,1778683500000,M("i12","o12",warning="timezone_shift_suspected"),[P("Ingrid Larsen","ingrid.larsen@gmail.com"),E],timezone="Eastern Standard Time")
# duplicates and same names
sc("s34","duplicate_candidate_one_scheduled","2026-05-07T16:00:00Z","2026-05-07T16:45:00Z",M("i7a","o7a"),[P("Maria Rossi","mariarossi@gmail.com"),E])
sc("s35","duplicate_candidates_both_scheduled","2026-05-08T18:00:00Z","2026-05-08T18:45:00Z",R("duplicate_candidates"),[P("Ken Adams","kadams@gmail.com"),F])
sc("s36","same_name_candidates","2026-05-11T15:15:00Z","2026-05-11T16:00:00Z",R("ambiguous"),[P("John Smith")])
sc("s37","same_name_candidates_email","2026-05-11T15:30:00Z","2026-05-11T16:15:00Z",M("i9b","o9b"),[P("John Smith","jsmith1990@hotmail.com"),D])
# wrong candidate / mismatches
sc("s38","identity_conflict_wrong_candidate","2026-05-04T15:00:00Z","2026-05-04T15:45:00Z",R("identity_conflict"),[P("William Turner","wturner@outlook.com"),B,C],conference_url=Z1)
sc("s39","data_mismatch_time_link","2026-05-07T14:00:00Z","2026-05-07T15:00:00Z",R("data_mismatch"),[P("William Turner","wturner@outlook.com"),A],conference_url="https://meet.google.com/zzz-yyyy-xxx")
sc("s40","wrong_participants_warning","2026-05-05T14:00:00Z","2026-05-05T15:00:00Z",M("i2","o2",warning="participant_mismatch"),[P("William Turner","wturner@outlook.com"),F],conference_url="https://meet.google.com/abc-defg-hij")
sc("s41","no_interview_scheduled","2026-05-25T13:00:00Z","2026-05-25T13:30:00Z",N("no_interview_scheduled"),[P("Priya Patel","priya.patel@yahoo.com"),A])
sc("s42","candidate_not_in_ats","2026-05-06T15:00:00Z","2026-05-06T15:45:00Z",N("candidate_not_in_ats"),[P("Quinn Zed","quinn.zed@gmail.com"),B],conference_url="https://acme.zoom.us/j/89898989898")
sc("s43","candidate_not_in_ats_name_only","2026-05-06T15:00:00Z","2026-05-06T15:45:00Z",N("candidate_not_in_ats"),[P("Xavier Quill")],title="Intro")
# meeting types
sc("s44","internal_meeting","2026-05-04T17:00:00Z","2026-05-04T17:30:00Z",N("wrong_meeting_type"),[B,C],title="Hiring sync",mtype="internal")
sc("s45","other_meeting","2026-05-04T18:00:00Z","2026-05-04T19:00:00Z",N("wrong_meeting_type"),[B,P("Vendor Rep","rep@vendor.example")],title="Vendor demo",mtype="other")
sc("s46","untyped_standup","2026-05-05T09:00:00Z","2026-05-05T09:15:00Z",N("wrong_meeting_type"),[B,C,D],title="Eng standup",mtype="unknown")
sc("s47","untyped_interview","2026-05-05T14:00:00Z","2026-05-05T15:00:00Z",M("i2","o2"),[P("William Turner","wturner@outlook.com"),C],title="Catch-up",mtype="unknown")
# debriefs
sc("s48","debrief_named","2026-05-05T17:00:00Z","2026-05-05T17:30:00Z",dict(status="matched",opportunity_id="o1",panel_id="pa-o1"),[B,C,D,E],title="Debrief - Jane Doe",mtype="debrief")
sc("s49","debrief_unnamed","2026-05-05T17:00:00Z","2026-05-05T17:30:00Z",R("insufficient_info"),[B,D],title="Hiring debrief",mtype="debrief")
sc("s50","debrief_unknown_candidate","2026-05-20T17:00:00Z","2026-05-20T17:30:00Z",N("insufficient_info"),[A],title="Debrief: Xavier Quill",mtype="debrief")
sc("s59","debrief_unnamed_two_candidates","2026-05-05T17:00:00Z","2026-05-05T17:30:00Z",R("ambiguous"),[B,C],title="Hiring debrief",mtype="debrief")
sc("s60","panel_call_spanning_two_slots","2026-05-04T15:00:00Z","2026-05-04T16:30:00Z",M("i1a","o1"),[P("Jane Doe","jane.doe@gmail.com"),B,C,D,E],conference_url=Z1)
# too little information
sc("s51","ongoing_call_invite","2026-05-06T20:00:00Z","2026-05-06T20:30:00Z",N("insufficient_info"),[A],title="Quick chat",source="ongoing_invite")
sc("s52","upload_no_metadata","2026-05-06T21:00:00Z","2026-05-06T21:30:00Z",N("insufficient_info"),[],title="recording.mp4",source="upload")
sc("s53","upload_interviewer_and_time","2026-05-12T18:00:00Z","2026-05-12T18:45:00Z",R("insufficient_info"),[F],title="upload-0512.m4a",source="upload")
sc("s54","ongoing_invite_with_candidate","2026-05-14T15:05:00Z","2026-05-14T15:45:00Z",M("i17","o17"),[P("Noah Silva","noah.silva@gmail.com"),C],source="ongoing_invite")
# batch: duplicate and split recordings
sc("s55","duplicate_recording_primary","2026-05-05T14:00:00Z","2026-05-05T15:00:00Z",M("i2","o2"),[P("William Turner","wturner@outlook.com"),C],conference_url="https://meet.google.com/abc-defg-hij",batch="b1")
sc("s56","duplicate_recording_copy","2026-05-05T14:01:00Z","2026-05-05T14:55:00Z",N("duplicate_call"),[P("William Turner","wturner@outlook.com"),C],conference_url="https://meet.google.com/abc-defg-hij",batch="b1")
sc("s57","split_recording_part1","2026-05-05T16:00:00Z","2026-05-05T16:20:00Z",M("i3","o3"),[P("José García","jgarcia@globex.example"),E,F],conference_url="https://teams.microsoft.com/l/meetup-join/19%3ameeting_ABC123xyz%40thread.v2/0",batch="b2")
sc("s58","split_recording_part2","2026-05-05T16:24:00Z","2026-05-05T16:45:00Z",M("i3","o3"),[E,F],conference_url="https://teams.microsoft.com/l/meetup-join/19%3ameeting_ABC123xyz%40thread.v2/0",batch="b2")
import os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
with open("scenarios.jsonl","w") as f:
    for d in S: f.write(json.dumps(d,ensure_ascii=False)+"\n")
print(len(S))
