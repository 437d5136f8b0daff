// Webhooks: WebhookVerifier on a fake clock (no network), then the sandbox's real signed
// deliveries into WebhookReceiver → SyncStore, replays, tampering, crash before the claim.
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include <doctest/doctest.h>

#include "leverkit/client/webhook_verifier.hpp"
#include "leverkit/integration/schedule.hpp"
#include "leverkit/integration/sync.hpp"
#include "leverkit/integration/webhook_receiver.hpp"
#include "leverkit/testing/fake_clock.hpp"
#include "sync_env.hpp"
#include "webhook_sink.hpp"

using namespace leverkit::integration;
using leverkit::Errc;
using leverkit::Result;
using leverkit::WebhookVerifier;
using namespace std::chrono_literals;

namespace {

const leverkit::Timestamp kT = leverkit::from_unix_ms(1'767'225'600'000);  // the FakeClock's start

std::string body(std::string_view token, leverkit::Timestamp at, std::string_view signature, std::string_view event = "candidateHired",
                 std::string_view data = "{}") {
  return fmt::format(R"({{"id":"ev-{}","event":"{}","triggeredAt":{},"token":"{}","signature":"{}","data":{}}})", token, event,
                     leverkit::to_unix_ms(at), token, signature, data);
}

}  // namespace

TEST_CASE("webhook signature: HMAC-SHA256 hex of token + triggeredAt, checked in constant time, fresh only") {
  auto clock = std::make_shared<leverkit::testing::FakeClock>();
  // Known answer (Python: hmac.new(b"sig-token", b"abc1767225600000", sha256).hexdigest()).
  CHECK(WebhookVerifier::sign("sig-token", "abc", kT) == "0ee540ec73c980bd6c026b6407d5aa12b3649953351c46040c08981e8a88448f");
  WebhookVerifier v({"old-token", "sig-token"}, {.tolerance = 5min, .clock = clock});
  auto good = v.verify(body("abc", kT, WebhookVerifier::sign("sig-token", "abc", kT)));
  REQUIRE(good.has_value());
  CHECK(good.value().event == "candidateHired");
  CHECK(good.value().token == "abc");
  // Upper-case hex is the same signature.
  std::string upper = WebhookVerifier::sign("sig-token", "abc", kT);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(v.verify(body("abc", kT, upper)).has_value());
  // Wrong key, changed token, changed time, no signature: unauthorized, never naming a secret.
  for (const auto& b : {body("abc", kT, WebhookVerifier::sign("other", "abc", kT)),
                        body("abd", kT, WebhookVerifier::sign("sig-token", "abc", kT)),
                        body("abc", kT + 1ms, WebhookVerifier::sign("sig-token", "abc", kT)),
                        body("abc", kT, "")}) {
    auto r = v.verify(b);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::unauthorized);
    CHECK(r.error().to_string().find("sig-token") == std::string::npos);
    CHECK(r.error().to_string().find("old-token") == std::string::npos);
  }
  // Stale and future triggeredAt.
  clock->advance(5min);
  CHECK(v.verify(body("abc", kT, WebhookVerifier::sign("sig-token", "abc", kT))).has_value());  // at the edge
  clock->advance(1ms);
  auto stale = v.verify(body("abc", kT, WebhookVerifier::sign("sig-token", "abc", kT)));
  REQUIRE_FALSE(stale.has_value());
  CHECK(stale.error().code == Errc::unauthorized);
  CHECK(stale.error().message.find("tolerance") != std::string::npos);
  auto future_t = kT + 20min;
  CHECK_FALSE(v.verify(body("abc", future_t, WebhookVerifier::sign("sig-token", "abc", future_t))).has_value());
  // Not a delivery / no token configured.
  CHECK(v.verify("[1,2]").error().code == Errc::decode_error);
  WebhookVerifier none({}, {.clock = clock});
  CHECK(none.verify(body("abc", kT, "x")).error().code == Errc::invalid_argument);
}

TEST_CASE("every Lever event type is recognised and its data parsed") {
  const char* names[] = {"applicationCreated", "candidateHired",   "candidateStageChange", "candidateArchiveChange",
                         "candidateDeleted",   "interviewCreated", "interviewUpdated",     "interviewDeleted",
                         "contactCreated",     "contactUpdated"};
  std::set<WebhookEventType> seen;
  for (auto n : names) {
    auto t = webhook_event_type(n);
    CHECK(t != WebhookEventType::unknown);
    CHECK(to_string(t) == n);
    seen.insert(t);
  }
  CHECK(seen.size() == 10);
  CHECK(webhook_event_type("somethingNew") == WebhookEventType::unknown);
  auto d = parse_webhook_event_data(
      R"({"candidateId":"o1","contactId":"c1","toStageId":"offer","fromStageId":"applicant-new","interviewId":"i1","panelId":"p1","extra":{"x":1},"n":5})");
  REQUIRE(d.has_value());
  CHECK(d.value().opportunity_id == std::optional<std::string>("o1"));  // candidateId is its alias
  CHECK(d.value().contact_id == std::optional<std::string>("c1"));
  CHECK(d.value().to_stage_id == std::optional<std::string>("offer"));
  CHECK(d.value().from_stage_id == std::optional<std::string>("applicant-new"));
  CHECK(d.value().interview_id == std::optional<std::string>("i1"));
  CHECK(d.value().panel_id == std::optional<std::string>("p1"));
  CHECK(parse_webhook_event_data("[]").error().code == Errc::decode_error);
  CHECK(parse_webhook_event_data("{}").has_value());
}

TEST_CASE("sandbox deliveries: verified, applied to the store, replays and tampering rejected") {
  const std::string signing = "0123456789abcdef0123456789abcdef0123456789abcdef";
  std::mutex m;
  std::vector<std::string> bodies;
  std::vector<Result<WebhookResult>> results;
  std::shared_ptr<SyncStore> store = make_memory_store();
  std::unique_ptr<WebhookReceiver> rx;
  sync_test::WebhookSink sink([&](const std::string& b) {
    std::lock_guard lock(m);
    bodies.push_back(b);
    auto r = rx->handle(b);
    int status = r ? 200 : (r.error().code == Errc::unauthorized ? 401 : 500);
    results.push_back(std::move(r));
    return status;
  });
  auto opts = sync_test::SyncEnv::defaults(40);
  opts.webhook_url = sink.url();
  opts.webhook_signature_token = signing;
  sync_test::SyncEnv env(opts);
  auto client = env.client();
  REQUIRE(run_sync(client, *store, {}).has_value());
  rx = std::make_unique<WebhookReceiver>(client, store, std::vector<std::string>{signing});
  auto wait_for = [&](std::size_t n) {
    for (int i = 0; i < 500; ++i) {
      {
        std::lock_guard lock(m);
        if (results.size() >= n) return true;
      }
      std::this_thread::sleep_for(20ms);
    }
    return false;
  };

  auto snap = store->load_snapshot().value();
  const auto& opp = snap.opportunities.front();
  const std::string user = snap.users.front().id;
  // The recording schedule around the new interview's time, fed only by the webhooks below.
  const ScheduleOptions window{.from = leverkit::from_unix_ms(1'900'000'000'000 - 86'400'000),
                               .to = leverkit::from_unix_ms(1'900'000'000'000 + 86'400'000), .feed = "hooks"};
  REQUIRE(poll_schedule(*store, window).value().changes.empty());
  // interviewCreated (a panel with one interview), interviewUpdated, candidateStageChange, interviewDeleted.
  auto panel = client.create_panel({.opportunity_id = opp.id, .perform_as = user,
                                    .body = {.timezone = "UTC", .interviews = {{.interviewers = {{.id = user}},
                                                                                 .date = leverkit::from_unix_ms(1'900'000'000'000),
                                                                                 .duration = 45,
                                                                                 .subject = "Webhook interview",
                                                                                 .location = "https://meet.google.com/abc-defg-hij"}}}});
  REQUIRE_MESSAGE(panel.has_value(), (panel ? "" : panel.error().to_string()));
  REQUIRE(wait_for(1));
  const std::string iv = panel.value().interviews.at(0).id;
  {
    auto o = store->get_object(ObjectKind::interview, iv).value();
    REQUIRE(o.has_value());
    CHECK(o->source == ObjectSource::webhook);
    CHECK(o->parent_id == opp.id);
    CHECK_FALSE(o->deleted);
    CHECK(store->get_object(ObjectKind::panel, panel.value().id).value().has_value());
    auto feed = poll_schedule(*store, window).value();
    REQUIRE(feed.changes.size() == 1);
    CHECK(feed.changes[0].kind == ScheduleChangeKind::created);
    CHECK(feed.changes[0].source == ObjectSource::webhook);
    CHECK(feed.changes[0].interview.conference.link->key == "meet:abc-defg-hij");
  }
  REQUIRE(client.update_interview_fields({.opportunity_id = opp.id, .interview_id = iv, .perform_as = user,
                                          .edit = [](leverkit::InterviewUpdate& u) { u.duration = 60; }})
              .has_value());
  std::string new_stage = opp.stage && opp.stage->id == "offer" ? "applicant-new" : "offer";
  REQUIRE(client.update_opportunity_stage({.opportunity_id = opp.id, .perform_as = std::nullopt, .body = {.stage = new_stage}})
              .has_value());
  REQUIRE(wait_for(3));
  {
    auto o = store->get_object(ObjectKind::interview, iv).value();
    REQUIRE(o.has_value());
    CHECK(leverkit::decode_interview(o->json).value().duration == 60);
    auto op = store->get_object(ObjectKind::opportunity, opp.id).value();
    REQUIRE(op.has_value());
    CHECK(op->source == ObjectSource::webhook);
    CHECK(leverkit::decode_opportunity(op->json).value().stage->id == new_stage);
    auto feed = poll_schedule(*store, window).value();
    REQUIRE(feed.changes.size() == 1);
    CHECK(feed.changes[0].kind == ScheduleChangeKind::rescheduled);  // 45 → 60 minutes
    CHECK(feed.changes[0].previous_duration == std::optional<int>(45));
    CHECK(feed.changes[0].source == ObjectSource::webhook);
  }
  REQUIRE(client.delete_interview({.opportunity_id = opp.id, .interview_id = iv, .perform_as = user}).has_value());
  REQUIRE(wait_for(4));
  {
    auto o = store->get_object(ObjectKind::interview, iv).value();
    REQUIRE(o.has_value());
    CHECK(o->deleted);  // a tombstone that still says what was deleted
    CHECK(leverkit::decode_interview(o->json).value().subject == "Webhook interview");
    CHECK_FALSE(store->get_object(ObjectKind::panel, panel.value().id).value().has_value());  // went with its last interview
    auto feed = poll_schedule(*store, window).value();
    REQUIRE(feed.changes.size() == 1);
    CHECK(feed.changes[0].kind == ScheduleChangeKind::canceled);
    CHECK(feed.changes[0].source == ObjectSource::webhook);
    CHECK(feed.changes[0].interview.interview.subject == "Webhook interview");
  }
  std::vector<std::string> got;
  {
    std::lock_guard lock(m);
    for (auto& r : results) {
      REQUIRE_MESSAGE(r.has_value(), (r ? "" : r.error().to_string()));
      CHECK_FALSE(r.value().replay);
      CHECK(r.value().applied);
    }
    got = bodies;
  }
  REQUIRE(got.size() == 4);
  // Redelivery of every event: a replay, nothing changes.
  auto before = sync_test::all_objects(*store);
  for (const auto& b : got) {
    auto r = rx->handle(b);
    REQUIRE(r.has_value());
    CHECK(r.value().replay);
    CHECK_FALSE(r.value().applied);
  }
  CHECK(sync_test::all_objects(*store) == before);
  // A replay is caught by a fresh receiver on the same store (another process, after a restart).
  WebhookReceiver other(client, store, {signing});
  CHECK(other.handle(got[0]).value().replay);
  // Tampered: another token under the old signature.
  std::string forged = got[0];
  auto pos = forged.find("\"token\":\"") + 9;
  forged[pos] = forged[pos] == 'a' ? 'b' : 'a';
  auto f = rx->handle(forged);
  REQUIRE_FALSE(f.has_value());
  CHECK(f.error().code == Errc::unauthorized);
  // Wrong signing token configured: every delivery is refused.
  WebhookReceiver wrong(client, store, {"not-the-token"});
  CHECK(wrong.handle(got[1]).error().code == Errc::unauthorized);
}

TEST_CASE("a delivery whose store write failed is applied on Lever's redelivery, exactly once") {
  sync_test::SyncEnv env;
  auto client = env.client();
  auto inner = make_memory_store();
  REQUIRE(run_sync(client, *inner, {}).has_value());
  auto snap = inner->load_snapshot().value();
  const auto& opp = snap.opportunities.front();
  auto now = leverkit::Timestamp(std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  std::string b = body("tok-1", now, WebhookVerifier::sign("k", "tok-1", now), "candidateStageChange",
                       fmt::format(R"({{"opportunityId":"{}","toStageId":"offer"}})", opp.id));
  auto failing = std::make_shared<sync_test::FailingStore>(*inner, 1);
  WebhookReceiver crashing(client, failing, {"k"});
  auto r1 = crashing.handle(b);
  REQUIRE_FALSE(r1.has_value());
  CHECK(r1.error().code == Errc::io_error);
  CHECK_FALSE(inner->get_value("webhook_token", "tok-1").value().has_value());  // not claimed
  WebhookReceiver rx(client, inner, {"k"});
  auto r2 = rx.handle(b);
  REQUIRE(r2.has_value());
  CHECK_FALSE(r2.value().replay);
  CHECK(r2.value().applied);
  auto r3 = rx.handle(b);
  REQUIRE(r3.has_value());
  CHECK(r3.value().replay);
  // A payload without the ids an event needs is a decode_error (answer 400), nothing claimed.
  std::string bad = body("tok-2", now, WebhookVerifier::sign("k", "tok-2", now), "interviewCreated", "{}");
  CHECK(rx.handle(bad).error().code == Errc::decode_error);
  CHECK_FALSE(inner->get_value("webhook_token", "tok-2").value().has_value());
}

TEST_CASE("receiver without re-reads: tombstones, replay by event id under a new token, stale deliveries refused") {
  auto clock = std::make_shared<leverkit::testing::FakeClock>();
  leverkit::ClientOptions o;
  o.base_url = "http://127.0.0.1:9/v1";  // never called: refetch is off
  auto client = leverkit::Client::create(std::make_shared<leverkit::ApiKeyCredentials>("k"), o).value();
  auto store = make_memory_store();
  StoreBatch seed;
  seed.upserts = {{.kind = ObjectKind::opportunity, .id = "o1", .json = R"({"id":"o1","name":"Ana"})"}};
  REQUIRE(store->apply(seed).has_value());
  WebhookReceiver rx(client, store, {"k"}, {.verify = {.tolerance = 1min, .clock = clock}, .refetch = false});
  auto deleted = body("t1", kT, WebhookVerifier::sign("k", "t1", kT), "candidateDeleted", R"({"opportunityId":"o1"})");
  auto r = rx.handle(deleted);
  REQUIRE(r.has_value());
  CHECK(r.value().applied);
  CHECK(r.value().type == WebhookEventType::candidate_deleted);
  auto o1 = store->get_object(ObjectKind::opportunity, "o1").value();
  REQUIRE(o1.has_value());
  CHECK(o1->deleted);
  CHECK(o1->json == R"({"id":"o1","name":"Ana"})");
  CHECK(store->load_snapshot().value().opportunities.empty());
  // The same event (id "ev-t1") redelivered under a fresh token is still a replay.
  std::string again = deleted;
  auto pos = again.find("\"token\":\"t1\"");
  again.replace(pos, 12, "\"token\":\"t2\"");
  auto sig_pos = again.find("\"signature\":\"") + 13;
  again.replace(sig_pos, 64, WebhookVerifier::sign("k", "t2", kT));
  auto r2 = rx.handle(again);
  REQUIRE(r2.has_value());
  CHECK(r2.value().replay);
  // An unknown event is acknowledged and recorded, nothing applied.
  auto unknown = rx.handle(body("t3", kT, WebhookVerifier::sign("k", "t3", kT), "somethingNew", "{}"));
  REQUIRE(unknown.has_value());
  CHECK_FALSE(unknown.value().applied);
  CHECK(unknown.value().type == WebhookEventType::unknown);
  // Two minutes later the same kind of delivery is stale.
  clock->advance(2min);
  auto stale = rx.handle(body("t4", kT, WebhookVerifier::sign("k", "t4", kT), "candidateDeleted", R"({"opportunityId":"o1"})"));
  REQUIRE_FALSE(stale.has_value());
  CHECK(stale.error().code == Errc::unauthorized);
  CHECK_FALSE(store->get_value("webhook_token", "t4").value().has_value());
}
