#include <doctest/doctest.h>

#include <cmath>

#include "leverkit/models/feedback.hpp"
#include "leverkit/models/field_value.hpp"
#include "samples.hpp"

using namespace leverkit;

namespace {
const FeedbackTemplate& templates(std::size_t i) {
  static const auto page = decode_feedback_template_page(test::sample("feedback_templates_list.json")).value();
  return page.data.at(i);
}
const FormField& find(const FeedbackTemplate& t, FieldType type) {
  for (const auto& f : t.fields)
    if (f.type == type) return f;
  FAIL("no field of that type");
  throw std::logic_error("unreachable");
}
FormField simple(FieldType t) {
  FormField f;
  f.id = "fid";
  f.type = t;
  f.text = "Question";
  return f;
}
void check_invalid(const Result<FieldValue>& r, std::string_view expected) {
  REQUIRE(r.has_error());
  CHECK(r.error().code == Errc::invalid_argument);
  CHECK(r.error().message == expected);
}
}  // namespace

TEST_CASE("typed values for every feedback field type of the real templates") {
  const FeedbackTemplate& onsite = templates(0);      // score-system, scorecard, textarea
  const FeedbackTemplate& leadership = templates(2);  // multiple-select, multiple-choice
  const FeedbackTemplate& recruiter = templates(13);  // score
  const FeedbackTemplate& reference = templates(14);  // text, dropdown, yes-no
  const FeedbackTemplate& technical = templates(15);  // code

  CHECK(option_value(find(onsite, FieldType::score_system), "3 - Hire").value() == FieldValue{std::string("3 - Hire")});
  CHECK(text_value(find(onsite, FieldType::textarea), "Solid").value() == FieldValue{std::string("Solid")});
  const FormField& card = find(onsite, FieldType::scorecard);
  std::vector<ScorecardScore> rows(card.scores.size(), ScorecardScore{3, ""});
  rows[1].score.reset();
  CHECK(scorecard_value(card, rows).value() == FieldValue{rows});
  const FormField& multi = find(leadership, FieldType::multiple_select);
  REQUIRE(multi.options.size() >= 2);
  auto both = options_value(multi, {multi.options[0].text, multi.options[1].text});
  REQUIRE(both.has_value());
  CHECK(std::get<std::vector<std::string>>(both.value()).size() == 2);
  const FormField& choice = find(leadership, FieldType::multiple_choice);
  CHECK(option_value(choice, choice.options[0].text).has_value());
  CHECK(score_value(find(recruiter, FieldType::score), 4).value() == FieldValue{std::int64_t{4}});
  CHECK(text_value(find(reference, FieldType::text), "Jo").has_value());
  CHECK(option_value(find(reference, FieldType::dropdown), "Colleague").has_value());
  CHECK(yes_no_value(find(reference, FieldType::yes_no), true).value() == FieldValue{std::string("yes")});
  CHECK(yes_no_value(find(reference, FieldType::yes_no), false).value() == FieldValue{std::string("no")});
  CHECK(text_value(find(technical, FieldType::code), "int main() {}").has_value());
  CHECK(date_value(simple(FieldType::date), from_unix_ms(1782972986091)).value() ==
        FieldValue{std::int64_t{1782972986091}});
  CHECK(number_value(simple(FieldType::currency), 120000.5).value() == FieldValue{120000.5});
}

TEST_CASE("wrong type, unknown option, bad score, wrong scorecard size: invalid_argument naming the field") {
  const FeedbackTemplate& reference = templates(14);
  const FormField& dropdown = find(reference, FieldType::dropdown);
  check_invalid(option_value(dropdown, "Friend"),
                "field 920d4c37-b492-4ce6-bbc1-1038e24d5166 ('Relationship', dropdown): 'Friend' is not one of its "
                "options ('Client', 'Colleague', 'Direct Report', 'Manager', 'Professor', 'Other')");
  check_invalid(option_value(dropdown, "colleague"),  // exact text match only
                "field 920d4c37-b492-4ce6-bbc1-1038e24d5166 ('Relationship', dropdown): 'colleague' is not one of "
                "its options ('Client', 'Colleague', 'Direct Report', 'Manager', 'Professor', 'Other')");
  check_invalid(date_value(find(reference, FieldType::text), from_unix_ms(1)),
                "field fec1d673-3d9f-4e89-9734-17e9cd503298 ('Name', text): is not a date field");
  const FormField& score = find(templates(13), FieldType::score);
  check_invalid(score_value(score, 5),
                "field 61f1d63e-c9f2-46cf-85fb-fc3c263c24f2 ('How well does their background align with the role?', "
                "score): the score must be 1–4, got 5");
  CHECK(score_value(score, 0).has_error());
  const FormField& card = find(templates(0), FieldType::scorecard);
  check_invalid(scorecard_value(card, {ScorecardScore{4, ""}}),
                "field b633b697-9b77-4a33-9da7-79c08a4327a2 ('', scorecard): has 4 scorecard rows, got 1");
  std::vector<ScorecardScore> rows(card.scores.size());
  rows[2].score = 7;
  auto bad_row = scorecard_value(card, rows);
  REQUIRE(bad_row.has_error());
  CHECK(bad_row.error().message.find("row 2 ('Work Ethic') score must be 1–4, got 7") != std::string::npos);
  const FormField& multi = find(templates(2), FieldType::multiple_select);
  CHECK(options_value(multi, {"Not an option"}).has_error());
  CHECK(options_value(multi, {multi.options[0].text, multi.options[0].text}).error().message.find("chosen twice") !=
        std::string::npos);
  CHECK(text_value(find(templates(0), FieldType::score_system), "3 - Hire").has_error());
  CHECK(yes_no_value(simple(FieldType::text), true).has_error());
  CHECK(number_value(simple(FieldType::currency), std::nan("")).has_error());
  CHECK(number_value(simple(FieldType::date), 1.0).has_error());
  CHECK(score_value(simple(FieldType::dropdown), 2).has_error());
}

TEST_CASE("validate_field_value checks values built elsewhere (the autofill engine)") {
  FormField yn = simple(FieldType::yes_no);
  CHECK(validate_field_value(yn, std::string("yes")).has_value());
  CHECK(validate_field_value(yn, no_value()).has_value());
  CHECK(validate_field_value(yn, std::string("null")).error().message ==
        "field fid ('Question', yes-no): takes \"yes\" or \"no\", got 'null'");
  CHECK(validate_field_value(yn, std::int64_t{1}).error().message ==
        "field fid ('Question', yes-no): takes \"yes\" or \"no\", not an integer");
  FormField text = simple(FieldType::text);
  CHECK(validate_field_value(text, std::int64_t{1782972986091}).error().message ==
        "field fid ('Question', text): takes text, not an integer");
  CHECK(validate_field_value(simple(FieldType::date), std::string("2026-07-01")).has_error());
  CHECK(validate_field_value(simple(FieldType::currency), std::int64_t{5}).has_value());
  CHECK(validate_field_value(simple(FieldType::file_upload), std::string("x")).has_error());
  FormField unknown = simple(FieldType::unknown);
  unknown.type_name = "signature";
  CHECK(validate_field_value(unknown, std::string("x")).error().message ==
        "field fid ('Question', signature): this leverkit version does not know the field type, so cannot fill it");
  // Quirk 10: the overall field of a PUT response (score + overall) takes option texts.
  auto put = decode_feedback(test::sample("feedback_update_response.json")).value();
  CHECK(validate_field_value(put.fields[0], std::string("4 - Strong Hire")).has_value());
  CHECK(validate_field_value(put.fields[0], std::string("5 - Wow")).has_error());
  CHECK(option_value(put.fields[0], "2 - No Hire").has_value());
}

TEST_CASE("validate_field_values: ids from the right form, no repeats") {
  const auto tmpl = decode_feedback_template(test::sample("feedback_template.json")).value();
  const auto old_form = decode_feedback(test::sample("feedback.json")).value();
  const std::vector<FieldValueEntry> current{{"06085f68-9b42-44fc-aea4-d5f9b70c0561", std::string("3 - Hire")}};
  CHECK(validate_field_values(current, tmpl.fields).has_value());
  // Quirk 9: the old form keeps the ids of the template version it was created from.
  auto stale = validate_field_values(current, old_form.fields);
  REQUIRE(stale.has_error());
  CHECK(stale.error().code == Errc::invalid_argument);
  CHECK(stale.error().message.find("no field with id 06085f68-9b42-44fc-aea4-d5f9b70c0561") != std::string::npos);
  const std::vector<FieldValueEntry> twice{current[0], current[0]};
  CHECK(validate_field_values(twice, tmpl.fields).error().message.find("given twice") != std::string::npos);
  const std::vector<FieldValueEntry> bad_value{{"06085f68-9b42-44fc-aea4-d5f9b70c0561", std::string("Hire!")}};
  CHECK(validate_field_values(bad_value, tmpl.fields).has_error());
  auto entry = field_entry(tmpl.fields[0], std::string("4 - Strong Hire"));
  REQUIRE(entry.has_value());
  CHECK(entry.value().id == "06085f68-9b42-44fc-aea4-d5f9b70c0561");
  CHECK(field_entry(tmpl.fields[0], std::int64_t{4}).has_error());
}

TEST_CASE("ProfileFormCreate validation: required fields need a value, values must fit") {
  FormTemplate t;
  t.id = "ft";
  FormField salary = simple(FieldType::currency);
  salary.id = "s";
  salary.required = true;
  FormField perks = simple(FieldType::multiple_select);
  perks.id = "p";
  perks.options = {{"Gym", std::nullopt}};
  t.fields = {salary, perks};
  ProfileFormCreate form = profile_form_create_from(t);
  CHECK(validate(form).error().message == "field s ('Question') is required and has no value");
  form.fields[0].value = 10.0;
  CHECK(validate(form).has_value());
  form.fields[1].value = std::vector<std::string>{"Car"};
  CHECK(validate(form).has_error());
}

TEST_CASE("ProfileFormCreate against its template: every field present, none extra") {
  FormTemplate t;
  t.id = "ft";
  FormField a = simple(FieldType::text);
  a.id = "a";
  FormField b = simple(FieldType::yes_no);
  b.id = "b";
  t.fields = {a, b};
  ProfileFormCreate form = profile_form_create_from(t);
  CHECK(validate(form, t).has_value());
  ProfileFormCreate missing = form;
  missing.fields.pop_back();
  CHECK(validate(missing, t).error().message ==
        "field b ('Question') of the template is missing: Lever requires every template field");
  ProfileFormCreate extra = form;
  FormField x = simple(FieldType::text);
  x.id = "x";
  extra.fields.push_back(x);
  CHECK(validate(extra, t).error().message == "field x ('Question') is not a field of template ft");
  ProfileFormCreate other = form;
  other.base_template_id = "other";
  CHECK(validate(other, t).has_error());
}
