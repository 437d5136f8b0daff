#include "leverkit/fmt.hpp"
#include "leverkit/models/time.hpp"

#include <charconv>

#include <fmt/chrono.h>

namespace leverkit::inline v0 {

std::string to_iso8601(Timestamp t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                     hms.subseconds().count());
}

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  const char* b = s.data() + pos;
  auto [p, ec] = std::from_chars(b, b + n, out);
  return ec == std::errc{} && p == b + n;
}
}  // namespace

Result<Timestamp> parse_iso8601(std::string_view s) {
  using namespace std::chrono;
  auto bad = [&] { return Error{Errc::invalid_argument, fmt::format("not an ISO-8601 instant: '{}'", s)}; };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return bad();
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return bad();
  std::size_t pos = 10;
  minutes offset{0};
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return bad();
    if (!digits(s, pos + 1, 2, h) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, mi))
      return bad();
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!digits(s, pos + 1, 2, sec)) return bad();
      pos += 3;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        int scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          ms += (s[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return bad();
    if (pos < s.size()) {
      if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
        pos += 1;
      } else if (s[pos] == '+' || s[pos] == '-') {
        int oh = 0, om = 0;
        const bool colon = pos + 3 < s.size() && s[pos + 3] == ':';
        if (!digits(s, pos + 1, 2, oh) || !digits(s, pos + (colon ? 4 : 3), 2, om)) return bad();
        if (pos + (colon ? 6 : 5) != s.size() || oh > 23 || om > 59) return bad();
        offset = hours{oh} + minutes{om};
        if (s[pos] == '-') offset = -offset;
        pos = s.size();
      } else {
        return bad();
      }
    }
  }
  if (pos != s.size()) return bad();
  const auto local = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + milliseconds{ms};
  return Timestamp{local - offset};
}

}  // namespace leverkit
