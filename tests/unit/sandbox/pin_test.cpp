// Pins the sandbox's observable behaviour to digests: the generated data for fixed seeds, and a
// scripted transcript of requests (every route, admin, OAuth, faults, webhooks) on a fake clock.
// Why: the sandbox is refactored by moving code between files (issue 13); these digests were
// taken on the unsplit code and prove a move changed nothing. A deliberate behaviour change
// updates the digests (the failure prints them; LEVERKIT_PIN_DUMP=<dir> writes the transcripts).
#include "pin_script.hpp"

using namespace pin;

TEST_CASE("pin: generated data for fixed seeds is unchanged") {
  Store a;
  generate(a, {42, 200});
  check_pinned(store_digests(a),
               {
                   {"account_and_emails", "adfb493eeb6bf5fb"},
                   {"applications", "5137b1ec231c2851"},
                   {"archive_reasons", "40afcaa88a03e5d0"},
                   {"contacts", "23848f77e703299c"},
                   {"deleted_opportunities", "a7c17e49e75de9ad"},
                   {"feedback", "2c19c93415af0a89"},
                   {"feedback_templates", "e9c74265726d0f81"},
                   {"form_templates", "f14d8036bac5a1bc"},
                   {"forms", "ff4c533df61caeb9"},
                   {"interviews", "7d77b8f3115bd9be"},
                   {"notes", "195c619082e55ab2"},
                   {"opportunities", "89a9f07c2cc294ef"},
                   {"panels", "ad96f31dbb2b37f8"},
                   {"postings", "4f998bf1d88f7a32"},
                   {"stages", "fd975ab08f5472af"},
                   {"users", "bec6d7590522aaa9"},
                   {"webhooks", "5505e2ce47e4a06d"},
               },
               "seed 42 x 200");
  Store b;
  generate(b, {7, 1000});
  check_pinned(store_digests(b),
               {
                   {"account_and_emails", "5b1f0a88c9d73c54"},
                   {"applications", "186a8f3293b550eb"},
                   {"archive_reasons", "f19dc10c816199c0"},
                   {"contacts", "3caeac083b561cf6"},
                   {"deleted_opportunities", "dbb0957f7d4f7a07"},
                   {"feedback", "b05e192af61a934f"},
                   {"feedback_templates", "c91e9142ec8bacf1"},
                   {"form_templates", "69f0e23d240b31a9"},
                   {"forms", "f6a92b30e44d5345"},
                   {"interviews", "596fe271985fc662"},
                   {"notes", "a64c329598d2cf09"},
                   {"opportunities", "e8058adb9547f9fd"},
                   {"panels", "bc225a4f52304c24"},
                   {"postings", "1552a17a7dcf384a"},
                   {"stages", "0e5e72bf220e7a8e"},
                   {"users", "b9cbd9de0bcb1b3b"},
                   {"webhooks", "5505e2ce47e4a06d"},
               },
               "seed 7 x 1000");
  Store c;
  generate(c, {3, 0});
  check_pinned(store_digests(c),
               {
                   {"account_and_emails", "b65fd43a02166fdb"},
                   {"applications", "5505e2ce47e4a06d"},
                   {"archive_reasons", "3cf0388c430d55f9"},
                   {"contacts", "5505e2ce47e4a06d"},
                   {"deleted_opportunities", "5505e2ce47e4a06d"},
                   {"feedback", "5505e2ce47e4a06d"},
                   {"feedback_templates", "570376b3a2ad09e0"},
                   {"form_templates", "da9c6dcacd28117e"},
                   {"forms", "5505e2ce47e4a06d"},
                   {"interviews", "5505e2ce47e4a06d"},
                   {"notes", "5505e2ce47e4a06d"},
                   {"opportunities", "5505e2ce47e4a06d"},
                   {"panels", "5505e2ce47e4a06d"},
                   {"postings", "9ef9b8692648c207"},
                   {"stages", "e9b2a53c8eeac1dc"},
                   {"users", "c5c3527883a499bc"},
                   {"webhooks", "5505e2ce47e4a06d"},
               },
               "seed 3 x 0");
}

TEST_CASE("pin: a scripted transcript of every route, admin, OAuth, faults and webhooks is unchanged") {
  leverkit::sandbox::ServerOptions o;
  o.opportunities = 150;
  o.rate_limit.enabled = false;
  o.webhook_url = "http://127.0.0.1:9/hook";
  Script s(o);

  PinIds ids;
  pin_reads(s, ids);
  pin_writes(s, ids);
  pin_admin(s, ids);
  pin_oauth(s);

  check_pinned(s.digests(),
               {
                   {"admin", "00751190f3da77a8"},
                   {"oauth", "1ac7631958f38030"},
                   {"reads", "b28c8ee57ba1e90d"},
                   {"writes", "597d033f2b7a1a26"},
               },
               "transcript");
}
