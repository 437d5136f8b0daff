// Pin test, part 2 of the transcript: every write route with good and bad bodies, then the
// webhook deliveries the writes queued.
#include "pin_script.hpp"

namespace pin {

void pin_writes(Script& s, const PinIds& ids) {
  const std::string& actor = ids.actor;
  const std::string& deactivated = ids.deactivated;
  const std::string& reason = ids.reason;
  const std::string& non_hired = ids.non_hired;
  const std::string& posting = ids.posting;
  const std::string& opp_with_panel = ids.opp_with_panel;
  const std::string& opp_plain = ids.opp_plain;
  const std::string& contact = ids.contact;
  const std::string& internal_panel = ids.internal_panel;
  const std::string& internal_interview = ids.internal_interview;
  const std::string& seeded_note = ids.seeded_note;
  const Value& templates = ids.templates;
  const Value& form_templates = ids.form_templates;
  // ---- writes: every write route, good and bad, then the webhook deliveries they queued.
  s.section = "writes";
  const Params as{{"perform_as", actor}};
  const std::string plain = "/v1/opportunities/" + opp_plain;
  const std::string withp = "/v1/opportunities/" + opp_with_panel;
  Value created = data(s.call("POST", "/v1/opportunities",
                              R"({"name":"Zoë Ñandú","emails":["zoe.nandu@example.com"],"phones":[{"type":"mobile","value":"+1 415 555 0100"}],"tags":["t1"],"links":["https://x.example"],"sources":["Pin"],"postings":[")" +
                                  posting + R"("],"origin":"applied","createdAt":1700000000000})",
                              as));
  s.call("POST", "/v1/opportunities", R"({"name":"Again","emails":["zoe.nandu@example.com"]})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"Arch","archived":{"reason":")" + non_hired + R"("}})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N"})");
  s.call("POST", "/v1/opportunities", R"({"headline":"no name"})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","postings":["a","b"]})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","stage":"nope"})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","origin":"nope"})", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N","phones":[1]})", as);
  s.call("POST", "/v1/opportunities", "[1]", as);
  s.call("POST", "/v1/opportunities", "{bad", as);
  s.call("POST", "/v1/opportunities", "", as);
  s.call("POST", "/v1/opportunities", R"({"name":"N"})", {{"perform_as", deactivated}});
  s.call("POST", "/v1/opportunities", R"({"name":"N"})", {{"perform_as", "nope"}});
  const std::string created_path = "/v1/opportunities/" + created.str("id");
  s.call("PUT", plain + "/stage", R"({"stage":"offer"})", as);
  s.call("PUT", plain + "/stage", R"({"stage":"nope"})", as);
  s.call("PUT", plain + "/stage", R"({})", as);
  s.call("PUT", plain + "/archived", R"({"reason":")" + reason + R"(","cleanInterviews":true})", as);
  s.call("PUT", plain + "/archived", R"({"reason":null})");
  s.call("PUT", plain + "/archived", R"({"reason":7})");
  s.call("PUT", plain + "/archived", R"({})");
  s.call("PUT", withp + "/archived", R"({"reason":")" + non_hired + R"(","cleanInterviews":true})");
  s.call("PUT", withp + "/archived", R"({"reason":null})");
  s.call("POST", plain + "/addTags", R"({"tags":["a","b"]})");
  s.call("POST", plain + "/removeTags", R"({"tags":["a","zz"]})");
  s.call("POST", plain + "/addLinks", R"({"links":["https://l.example"]})");
  s.call("POST", plain + "/removeLinks", R"({"links":["https://l.example"]})");
  s.call("POST", plain + "/addSources", R"({"sources":["S"]})");
  s.call("POST", plain + "/removeSources", R"({"sources":["S"]})");
  s.call("POST", plain + "/addTags", R"({"tags":"a"})");
  s.call("POST", plain + "/addTags", R"({"tags":[1]})");
  s.call("POST", "/v1/opportunities/nope/addTags", R"({"tags":["a"]})");
  s.call("PUT", "/v1/contacts/" + contact,
         R"({"name":"C","headline":"H","location":"Berlin","emails":["c@example.com"],"phones":[{"type":"work","value":"1"}]})");
  s.call("PUT", "/v1/contacts/" + contact, R"({"phones":"x"})");
  s.call("PUT", "/v1/contacts/nope", R"({})");

  const std::string tmpl = templates.as_array()[1].str("id");
  const std::string iv_body = R"({"interviewers":[{"id":")" + actor + R"("}],"date":1783260000000,"duration":30,"subject":"S","feedbackTemplate":")" + tmpl + R"(","location":"https://zoom.us/j/1","feedbackReminder":"once"})";
  Value panel = data(s.call("POST", created_path + "/panels",
                            R"({"timezone":"Europe/Berlin","note":"n","externalUrl":"https://s.example/p","interviews":[)" +
                                iv_body + "," + iv_body + "]}",
                            as));
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[]})", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[{"interviewers":[]}]})", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","applications":["nope"],"interviews":[)" + iv_body + "]}", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","feedbackReminder":"hourly","interviews":[)" + iv_body + "]}", as);
  s.call("POST", created_path + "/panels", R"({"interviews":[)" + iv_body + "]}", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[)" + iv_body + "]}");
  const std::string panel_path = created_path + "/panels/" + panel.str("id");
  std::string first_iv = panel.find("interviews")->as_array()[0].str("id");
  s.call("PUT", panel_path,
         R"({"timezone":"UTC","interviews":[{"id":")" + first_iv + R"(","interviewers":[{"id":")" + actor +
             R"("}],"date":1783270000000,"duration":45},)" + iv_body + "]}",
         as);
  s.call("PUT", panel_path, R"({"timezone":"UTC","interviews":[{"id":"nope","interviewers":[{"id":")" + actor +
                                R"("}],"date":1,"duration":1}]})",
         as);
  s.call("PUT", withp + "/panels/" + internal_panel, R"({"timezone":"UTC","interviews":[)" + iv_body + "]}", as);
  Value iv = data(s.call("POST", created_path + "/interviews", R"({"panel":")" + panel.str("id") + R"(",)" + iv_body.substr(1), as));
  s.call("POST", created_path + "/interviews", R"({"panel":"nope"})", as);
  s.call("POST", withp + "/interviews", R"({"panel":")" + internal_panel + R"(",)" + iv_body.substr(1), as);
  s.call("PUT", created_path + "/interviews/" + iv.str("id"), iv_body, as);
  s.call("PUT", created_path + "/interviews/" + iv.str("id"), R"({"panel":"other","interviewers":[]})", as);
  s.call("PUT", withp + "/interviews/" + internal_interview, iv_body, as);
  s.call("DELETE", withp + "/interviews/" + internal_interview, {}, as);
  s.call("DELETE", created_path + "/interviews/" + iv.str("id"), {}, as);
  s.call("DELETE", created_path + "/interviews/" + iv.str("id"), {}, as);
  const Value live_panel = data(s.call("GET", panel_path));
  const std::string held_iv = live_panel.find("interviews")->as_array()[0].str("id");
  s.call("GET", created_path + "/interviews", {}, {{"expand", "user"}, {"expand", "stage"}, {"expand", "postings"}});

  const Value& tfields = *templates.as_array()[1].find("fields");
  std::string fb_body = R"({"baseTemplateId":")" + tmpl + R"(","panel":")" + panel.str("id") + R"(","interview":")" + held_iv +
                        R"(","fieldValues":[)";
  for (std::size_t i = 0; i < tfields.as_array().size(); ++i) {
    const Value& f = tfields.as_array()[i];
    const std::string& t = f.str("type");
    std::string v = t == "score-system"  ? "\"3 - Hire\""
                    : t == "yes-no"      ? "\"yes\""
                    : t == "dropdown"    ? "\"2 weeks\""
                    : t == "text" || t == "textarea" ? "\"words\""
                                                     : "null";
    fb_body += fmt::format("{}{{\"id\":\"{}\",\"value\":{}}}", i ? "," : "", f.str("id"), v);
  }
  fb_body += "]}";
  Value fb = data(s.call("POST", created_path + "/feedback", fb_body, as));
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":"nope"})", as);
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":")" + tmpl + R"(","panel":"x"})", as);
  s.call("POST", created_path + "/feedback",
         R"({"baseTemplateId":")" + tmpl + R"(","fieldValues":[{"id":")" + tfields.as_array()[0].str("id") + R"(","value":"nope"}]})", as);
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":")" + tmpl + R"(","fieldValues":[{"id":"nope"}]})", as);
  s.call("POST", created_path + "/feedback", R"({"baseTemplateId":")" + tmpl + R"(","fieldValues":{}})", as);
  const std::string fb_path = created_path + "/feedback/" + fb.str("id");
  s.call("PUT", fb_path, R"({"fieldValues":[{"id":")" + tfields.as_array()[0].str("id") + R"(","value":"1 - Strong No Hire"}],"completedAt":1767000000000})", as);
  s.call("PUT", fb_path, R"({"fieldValues":[{"id":")" + tfields.as_array()[0].str("id") + R"(","value":5}]})", as);
  s.call("GET", created_path + "/interviews/" + held_iv, {}, {{"expand", "feedbackForms"}});
  s.call("DELETE", fb_path, {}, as);
  s.call("DELETE", fb_path, {}, as);
  s.call("PUT", fb_path, "{}", as);
  s.call("GET", created_path + "/feedback");
  s.call("DELETE", panel_path, {}, as);
  s.call("DELETE", withp + "/panels/" + internal_panel, {}, as);
  s.call("GET", created_path + "/panels");

  Value note = data(s.call("POST", created_path + "/notes", R"({"value":"Talked 👍","secret":true,"score":3,"notifyFollowers":false})", as));
  s.call("POST", created_path + "/notes", R"({"value":"reply"})", {{"perform_as", actor}, {"note_id", note.str("id")}});
  s.call("POST", created_path + "/notes", R"({"value":"x"})", {{"note_id", "nope"}});
  s.call("POST", created_path + "/notes", R"({"value":""})");
  s.call("POST", created_path + "/notes", R"({"value":"x","score":9})");
  s.call("POST", created_path + "/notes", R"({"value":"x","createdAt":99999999999999})");
  s.call("POST", created_path + "/notes", R"({"value":"x","createdAt":1700000000000})");
  const std::string note_path = created_path + "/notes/" + note.str("id");
  s.call("PUT", note_path, R"({"values":[{"value":"v1","createdAt":1700000000000},{"value":"v2"}],"score":2,"user":")" + actor + R"(","secret":true,"completedAt":1700000001000})");
  s.call("PUT", note_path, R"({"values":[]})");
  s.call("PUT", note_path, R"({"values":[{"value":1}]})");
  s.call("PUT", note_path, R"({"values":[{"value":"v"}],"user":"nope"})");
  s.call("GET", note_path, {}, {{"expand", "user"}});
  s.call("PUT", seeded_note, R"({"values":[{"value":"v"}]})");
  s.call("DELETE", seeded_note);
  s.call("DELETE", note_path);
  s.call("GET", note_path);

  const Value& ft = form_templates.as_array()[0];
  std::string form_body = R"({"baseTemplateId":")" + ft.str("id") + R"(","fields":[)";
  for (std::size_t i = 0; i < ft.find("fields")->as_array().size(); ++i) {
    const Value& f = ft.find("fields")->as_array()[i];
    const std::string& t = f.str("type");
    std::string v = t == "currency" ? "120000" : t == "date" ? "1790000000000" : t == "dropdown" ? "\"Contractor\"" : "\"no\"";
    form_body += fmt::format("{}{{\"type\":\"{}\",\"text\":\"{}\",\"value\":{}}}", i ? "," : "", t, f.str("text"), v);
  }
  form_body += "]}";
  Value form = data(s.call("POST", created_path + "/forms", form_body, as));
  s.call("GET", created_path + "/forms/" + form.str("id"), {}, {{"expand", "user"}});
  s.call("POST", created_path + "/forms", R"({"baseTemplateId":")" + ft.str("id") + R"(","fields":[]})", as);
  s.call("POST", created_path + "/forms", R"({"baseTemplateId":")" + ft.str("id") + R"(","fields":[{},{},{},{}]})", as);
  s.call("POST", created_path + "/forms", R"({"baseTemplateId":"nope"})", as);

  const std::string tfields_json = to_json(tfields);
  Value nt = data(s.call("POST", "/v1/feedback_templates",
                         R"({"text":"Pin template","group":"g1","instructions":"i","fields":)" + tfields_json + "}"));
  s.call("POST", "/v1/feedback_templates",
         R"({"text":"T2","group":{"id":"g","name":"G"},"fields":[{"type":"score-system","text":"R"},{"type":"scorecard","text":"","scores":[{"text":"A","description":"d"}]},{"type":"dropdown","text":"D","options":[{"text":"x"}]}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T3","fields":[{"type":"text","text":"no score"}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T4","group":7,"fields":)" + tfields_json + "}");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T5","fields":[{"type":"bogus","text":"x"}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T6","fields":[{"type":"dropdown","text":"x"}]})");
  s.call("POST", "/v1/feedback_templates", R"({"text":"T7"})");
  s.call("PUT", "/v1/feedback_templates/" + nt.str("id"),
         R"({"text":"Pin template 2","fields":[{"type":"score-system","text":"R","prompt":"p","options":[{"text":"a"}]}]})");
  s.call("PUT", "/v1/feedback_templates/nope", "{}");
  s.call("DELETE", "/v1/feedback_templates/" + templates.as_array()[0].str("id"));
  s.call("DELETE", "/v1/feedback_templates/" + nt.str("id"));
  s.call("DELETE", "/v1/feedback_templates/" + nt.str("id"));
  Value nft = data(s.call("POST", "/v1/form_templates",
                          R"({"text":"F","secretByDefault":true,"fields":[{"type":"multiple-select","text":"Q","options":[{"text":"a"},{"text":"b"}]},{"type":"yes-no","text":"Y","required":true,"description":"d"}]})"));
  s.call("POST", "/v1/form_templates", R"({"text":"F2","fields":[{"type":"score","text":"no"}]})");
  s.call("PUT", "/v1/form_templates/" + nft.str("id"), R"({"text":"F3","fields":[{"type":"text","text":"T"}]})");
  s.call("PUT", "/v1/form_templates/nope", "{}");
  s.call("DELETE", "/v1/form_templates/" + form_templates.as_array()[0].str("id"));
  s.call("DELETE", "/v1/form_templates/" + nft.str("id"));
  s.call("GET", "/v1/form_templates");

  Value nu = data(s.call("POST", "/v1/users",
                         R"({"name":"Nü User","email":"nu@example.com","accessRole":"team member","managerId":")" + actor +
                             R"(","jobTitle":"Eng","externalDirectoryId":"ext-1"})"));
  s.call("POST", "/v1/users", R"({"name":"Dup","email":"NU@example.com"})");
  s.call("POST", "/v1/users", R"({"name":"X","email":"no-at"})");
  s.call("POST", "/v1/users", R"({"name":"X","email":"x@example.com","accessRole":"boss"})");
  s.call("POST", "/v1/users", R"({"name":"X","email":"x@example.com","managerId":"nope"})");
  const std::string nu_path = "/v1/users/" + nu.str("id");
  s.call("PUT", nu_path, R"({"name":"Nu","email":"nu2@example.com","accessRole":"admin"})");
  s.call("PUT", nu_path, R"({"name":"Nu","email":"nu2@example.com"})");
  s.call("PUT", "/v1/users/nope", "{}");
  s.call("POST", nu_path + "/deactivate");
  s.call("POST", nu_path + "/deactivate");
  s.call("POST", nu_path + "/reactivate");
  s.call("POST", nu_path + "/reactivate");
  s.call("POST", "/v1/users/nope/reactivate");
  s.call("GET", "/v1/users", {}, {{"email", "NU2@example.com"}, {"external_directory_id", ""}});

  Value np = data(s.call("POST", "/v1/postings",
                         R"({"text":"Pin job","state":"published","owner":")" + actor + R"(","hiringManager":")" + actor +
                             R"(","categories":{"team":"T","location":"Lisbon","commitment":"Full-time"},"tags":["x"],"workplaceType":"remote","content":{"description":"Do"}})",
                         as));
  s.call("POST", "/v1/postings", R"({"text":"J","state":"nope"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","confidentiality":"confidential"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","owner":"nope"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","categories":7})", as);
  s.call("POST", "/v1/postings", R"({"text":"J","workplaceType":"moon"})", as);
  s.call("POST", "/v1/postings", R"({"text":"J"})");
  s.call("POST", "/v1/postings/" + np.str("id"), R"({"state":"closed","text":"Pin job 2"})", as);
  s.call("POST", "/v1/postings/" + np.str("id"), R"({"state":"nope"})", as);
  s.call("POST", "/v1/postings/nope", "{}", as);
  s.call("GET", "/v1/postings/" + np.str("id"));

  Value wh = data(s.call("POST", "/v1/webhooks",
                         R"({"url":"https://hooks.example/x","event":"candidateStageChange","configuration":{"conditions":{"origins":["applied"]}}})"));
  s.call("POST", "/v1/webhooks", R"({"url":"http://127.0.0.1:9/h2","event":"interviewCreated"})");
  s.call("POST", "/v1/webhooks", R"({"url":"ftp://x","event":"candidateHired"})");
  s.call("POST", "/v1/webhooks", R"({"url":"https://x","event":"nope"})");
  s.call("GET", "/v1/webhooks");
  s.call("PUT", created_path + "/stage", R"({"stage":"applicant-new"})", as);
  s.call("POST", created_path + "/panels", R"({"timezone":"UTC","interviews":[)" + iv_body + "]}", as);
  s.call("DELETE", "/v1/webhooks/" + wh.str("id"));
  s.call("DELETE", "/v1/webhooks/" + wh.str("id"));
  s.call("GET", "/v1/webhooks");
  s.call("GET", created_path, {}, {{"expand", "applications"}, {"expand", "contact"}});
  s.drain_webhooks();
}

}  // namespace pin
