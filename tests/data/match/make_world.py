"""Writes lever/*.json: a small hand-designed Lever world (Lever list-response format) used by the
matching scenarios and the CLI test. Times are UTC."""
import json, datetime
def ms(s): return int(datetime.datetime.fromisoformat(s.replace('Z','+00:00')).timestamp()*1000)
users = [("u1","Alice Reed","alice@acme.com"),("u2","Bob Martin","bob@acme.com"),("u3","Carol Chen","carol@acme.com"),
         ("u4","Dan Okafor","dan@acme.com"),("u5","Erin Walsh","erin@acme.com"),("u6","Frank Ito","frank@acme.com")]
U = {u[0]:u for u in users}
def iv_people(*ids): return [{"id":i,"name":U[i][1],"email":U[i][2]} for i in ids]
postings = [{"id":"p1","text":"Senior Backend Engineer","state":"published"},{"id":"p2","text":"Product Designer","state":"published"},{"id":"p3","text":"Data Analyst","state":"published"}]
stages = [{"id":"phone-screen","text":"Phone Screen"},{"id":"onsite","text":"On-site"},{"id":"final","text":"Final Interview"}]
opps=[]; ivs=[]
def opp(id, name, emails, phones=(), contact=None, posting="p1", stage="onsite", location="Remote", anonymized=False):
    opps.append({"id":id,"name":name,"emails":list(emails),"phones":[{"type":"mobile","value":p} for p in phones],
                 "contact":contact or "c-"+id,"stage":stage,"location":location,"isAnonymized":anonymized,
                 "applications":["a-"+id],"urls":{"list":"https://hire.lever.co/candidates","show":"https://hire.lever.co/candidates/"+id},
                 "createdAt":ms("2026-04-01T00:00:00Z"),"archived":None,"tags":[],"sources":[],"links":[],"followers":[],"stageChanges":[]})
def iv(id, opp_id, start, minutes, location, interviewers, panel=None, tz="America/New_York", canceled=None, posting="p1", stage="onsite", subject=None):
    o = next(x for x in opps if x["id"]==opp_id)
    ivs.append({"id":id,"panel":panel or "pa-"+opp_id,"subject":subject or "Interview with "+o["name"],"note":"",
                "interviewers":iv_people(*interviewers),"timezone":tz,"createdAt":ms("2026-04-20T00:00:00Z"),
                "date":ms(start),"duration":minutes,"location":location,"feedbackTemplate":"ft1","feedbackForms":[],
                "feedbackReminder":"once","user":"u1","stage":stage,"canceledAt":ms(canceled) if canceled else None,
                "postings":[posting],"gcalEventUrl":None,"opportunityId":opp_id})
opp("o1","Jane Doe",["jane.doe@gmail.com"],["+1 415 555 0101"])
iv("i1a","o1","2026-05-04T15:00:00Z",45,"https://acme.zoom.us/j/81111111111?pwd=abc",["u2","u3"])
iv("i1b","o1","2026-05-04T15:45:00Z",45,"https://acme.zoom.us/j/81111111111?pwd=abc",["u4","u5"])
opp("o2","William Turner",["wturner@outlook.com"])
iv("i2","o2","2026-05-05T14:00:00Z",60,"https://meet.google.com/abc-defg-hij",["u3"],tz="America/Chicago")
opp("o3","José García",["jgarcia@globex.example"],posting="p2")
iv("i3","o3","2026-05-05T16:00:00Z",45,"https://teams.microsoft.com/l/meetup-join/19%3ameeting_ABC123xyz%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d",["u5","u6"],tz="Europe/Madrid",posting="p2")
opp("o4","Priya Patel",["priya.patel@yahoo.com"],["(212) 555-0144"],posting="p3",stage="phone-screen")
iv("i4","o4","2026-05-06T13:00:00Z",30,"Phone: (212) 555-0144",["u1"],posting="p3",stage="phone-screen")
opp("o5","Tom Becker",["tom.becker@gmail.com"])
iv("i5","o5","2026-05-06T17:00:00Z",45,"https://acme.zoom.us/j/85555555555",["u2"],canceled="2026-05-05T12:00:00Z")
opp("o6","Sam Lee",["sam.lee@icloud.com"],posting="p2")
iv("i6a","o6","2026-05-07T14:00:00Z",45,"https://acme.zoom.us/j/86666666601",["u3","u4"],canceled="2026-05-06T09:00:00Z",posting="p2")
iv("i6b","o6","2026-05-08T14:00:00Z",45,"https://acme.zoom.us/j/86666666602",["u3","u4"],posting="p2")
opp("o7a","Maria Rossi",["maria.rossi@gmail.com"],contact="c-maria-1")
opp("o7b","Maria Rossi",["mariarossi@gmail.com"],contact="c-maria-2")
iv("i7a","o7a","2026-05-07T16:00:00Z",45,"https://acme.zoom.us/j/87777777777",["u5"])
opp("o8a","Ken Adams",["kadams@gmail.com"],contact="c-ken-1")
opp("o8b","Kenneth Adams",["k.adams@gmail.com"],contact="c-ken-2")
iv("i8a","o8a","2026-05-08T18:00:00Z",45,"https://acme.zoom.us/j/88888888801",["u6"])
iv("i8b","o8b","2026-05-08T18:00:00Z",45,"https://acme.zoom.us/j/88888888802",["u6"])
opp("o9a","John Smith",["john.smith.dev@gmail.com"])
opp("o9b","John Smith",["jsmith1990@hotmail.com"])
iv("i9a","o9a","2026-05-11T15:00:00Z",45,"https://meet.google.com/aaa-bbbb-ccc",["u6"])
iv("i9b","o9b","2026-05-11T15:30:00Z",45,"https://meet.google.com/ddd-eeee-fff",["u4"])
opp("o10a","Lena Novak",["lena.novak@proton.me"])
opp("o10b","Omar Haddad",["omar.h@gmail.com"])
opp("o10c","Ruth Kim",["ruth.kim@gmail.com"])
iv("i10a","o10a","2026-05-12T14:00:00Z",45,"https://acme.zoom.us/j/5551234567",["u1"])
iv("i10b","o10b","2026-05-12T16:00:00Z",45,"https://acme.zoom.us/j/5551234567",["u1"])
iv("i10c","o10c","2026-05-13T16:00:00Z",45,"https://acme.zoom.us/my/alice.recruits",["u1"])
opp("o11","Kai Yamamoto",["kai.y@gmail.com"])
iv("i11","o11","2026-05-12T18:00:00Z",45,"Dial-in: +1 646 558 8656,,84444444444# (Meeting ID: 844 4444 4444)",["u6"])
opp("o12","Ingrid Larsen",["ingrid.larsen@gmail.com"])
iv("i12","o12","2026-05-13T10:00:00Z",45,"https://acme.zoom.us/j/81212121212",["u5"])
opp("o13","Felix Bauer",["felix.bauer@gmail.com"])
iv("i13","o13","2026-03-20T14:00:00Z",45,"https://acme.zoom.us/j/81313131313",["u2"])
opp("o14","Greta Lind",["greta.lind@gmail.com"])
iv("i14","o14","2026-03-08T07:30:00Z",45,"https://acme.zoom.us/j/81414141414",["u3"])
opp("o17","Noah Silva",["noah.silva@gmail.com"])
iv("i17","o17","2026-05-14T15:00:00Z",45,"https://acme.webex.com/acme/j.php?MTID=m0123456789abcdef",["u3"])
opp("o18","Hana Sato",["hana@sato-family.example"],posting="p3")
iv("i18","o18","2026-05-14T17:00:00Z",45,"https://teams.microsoft.com/meet/3456789012345?p=abc",["u4"],posting="p3")
opp("o19","Anonymized",[],anonymized=True)
panels = [{"id":"pa-o1","applications":["a-o1"],"canceledAt":None,"createdAt":ms("2026-04-20T00:00:00Z"),"start":ms("2026-05-04T15:00:00Z"),
           "end":ms("2026-05-04T16:30:00Z"),"timezone":"America/New_York","feedbackReminder":"once","user":"u1","stage":"onsite","note":"",
           "externallyManaged":False,"interviews":[{k:v for k,v in x.items() if k not in ("panel","opportunityId")} for x in ivs if x["panel"]=="pa-o1"]}]
def page(d): return {"data":d,"hasNext":False}
import os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
for name,data in [("opportunities",opps),("interviews",ivs),("panels",panels),("users",[{"id":a,"name":b,"email":c,"username":c.split('@')[0],"accessRole":"interviewer","createdAt":ms("2025-01-01T00:00:00Z"),"deactivatedAt":None} for a,b,c in users]),("postings",postings),("stages",stages)]:
    with open(f"lever/{name}.json","w") as f: json.dump(page(data),f,indent=1,ensure_ascii=False)
print(len(opps),len(ivs))
