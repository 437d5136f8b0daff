// leverkit/leverkit.hpp — umbrella header: every public header of the library's layers.
//
// What: one include for applications that use most of leverkit. Libraries and large programs
// should include the specific headers they need (compile time). Every public header is reachable
// from here except the opt-in ones, which a ctest (tests/unit/umbrella) holds to:
//   leverkit/testing.hpp (and testing/*)    test fakes, their own umbrella and library target;
//   leverkit/client/redis_rate_limiter.hpp  the optional leverkit::redis_limiter target (hiredis);
//   leverkit/fmt.hpp                        opt-in fmt formatters (keeps fmt out of the API).
// Errors / thread-safety: see each header.
// Example:
//   #include <leverkit/leverkit.hpp>
//   auto client = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>(key)).value();
#pragma once

#include "leverkit/version.hpp"

// models
#include "leverkit/models/application.hpp"
#include "leverkit/models/common.hpp"
#include "leverkit/models/contact.hpp"
#include "leverkit/models/error.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/field_value.hpp"
#include "leverkit/models/form_field.hpp"
#include "leverkit/models/form_template.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/profile_form.hpp"
#include "leverkit/models/requests.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/time.hpp"
#include "leverkit/models/user.hpp"
#include "leverkit/models/webhook.hpp"

// client
#include "leverkit/client/call_options.hpp"
#include "leverkit/client/cancellation.hpp"
#include "leverkit/client/client.hpp"
#include "leverkit/client/client_options.hpp"
#include "leverkit/client/clock.hpp"
#include "leverkit/client/credentials.hpp"
#include "leverkit/client/http.hpp"
#include "leverkit/client/oauth.hpp"
#include "leverkit/client/paginator.hpp"
#include "leverkit/client/rate_limiter.hpp"
#include "leverkit/client/requests.hpp"
#include "leverkit/client/resource_requests.hpp"
#include "leverkit/client/retry.hpp"
#include "leverkit/client/token_store.hpp"
#include "leverkit/client/transport.hpp"
#include "leverkit/client/webhook_verifier.hpp"
// (leverkit/client/redis_rate_limiter.hpp belongs to the optional leverkit::redis_limiter target.)
// (leverkit/testing.hpp gathers the test fakes: FakeTransport, FakeClock, FakeSleeper, text audit.)

// match (links without libcurl)
#include "leverkit/match/call.hpp"
#include "leverkit/match/call_json.hpp"
#include "leverkit/match/conference.hpp"
#include "leverkit/match/email.hpp"
#include "leverkit/match/index.hpp"
#include "leverkit/match/lever_files.hpp"
#include "leverkit/match/matcher.hpp"
#include "leverkit/match/names.hpp"
#include "leverkit/match/phone.hpp"
#include "leverkit/match/result.hpp"
#include "leverkit/match/synthetic.hpp"
#include "leverkit/match/weights.hpp"
#include "leverkit/match/zones.hpp"

// autofill (links without libcurl)
#include "leverkit/autofill/autofill.hpp"
#include "leverkit/autofill/classifier.hpp"
#include "leverkit/autofill/draft.hpp"
#include "leverkit/autofill/form_json.hpp"
#include "leverkit/autofill/text_model.hpp"
#include "leverkit/autofill/transcript.hpp"

// integration (client + match + autofill: the product features)
#include "leverkit/integration/access.hpp"
#include "leverkit/integration/connection_check.hpp"
#include "leverkit/integration/employees.hpp"
#include "leverkit/integration/flow.hpp"
#include "leverkit/integration/live_match.hpp"
#include "leverkit/integration/openai_text_model.hpp"
#include "leverkit/integration/recorded_call.hpp"
#include "leverkit/integration/schedule.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/sync_json.hpp"
#include "leverkit/integration/sync_store.hpp"
#include "leverkit/integration/webhook_receiver.hpp"
#include "leverkit/integration/write_back.hpp"
#include "leverkit/integration/write_journal.hpp"
