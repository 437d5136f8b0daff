// Private: value-level decoders of every model, overloaded on a tag so generic code (the
// document functions, the client's paginator) can pick one by type.
//
// Each `decode_value(v, path, Tag<T>{})` decodes one JSON object at `path`. Public
// `decode_<model>(string_view)` functions are thin wrappers over these.
#pragma once

#include "json_reader.hpp"
#include "leverkit/models/application.hpp"
#include "leverkit/models/contact.hpp"
#include "leverkit/models/feedback.hpp"
#include "leverkit/models/form_template.hpp"
#include "leverkit/models/interview.hpp"
#include "leverkit/models/note.hpp"
#include "leverkit/models/opportunity.hpp"
#include "leverkit/models/panel.hpp"
#include "leverkit/models/posting.hpp"
#include "leverkit/models/profile_form.hpp"
#include "leverkit/models/stage.hpp"
#include "leverkit/models/user.hpp"
#include "leverkit/models/webhook.hpp"

namespace leverkit::inline v0::detail {

template <class T>
struct Tag {};

Result<Stage> decode_value(od::value v, const JsonPath& p, Tag<Stage>);
Result<ArchiveReason> decode_value(od::value v, const JsonPath& p, Tag<ArchiveReason>);
Result<User> decode_value(od::value v, const JsonPath& p, Tag<User>);
Result<Posting> decode_value(od::value v, const JsonPath& p, Tag<Posting>);
Result<Contact> decode_value(od::value v, const JsonPath& p, Tag<Contact>);
Result<Application> decode_value(od::value v, const JsonPath& p, Tag<Application>);
Result<Opportunity> decode_value(od::value v, const JsonPath& p, Tag<Opportunity>);
Result<Interview> decode_value(od::value v, const JsonPath& p, Tag<Interview>);
Result<Panel> decode_value(od::value v, const JsonPath& p, Tag<Panel>);
Result<FormField> decode_value(od::value v, const JsonPath& p, Tag<FormField>);
Result<FeedbackTemplate> decode_value(od::value v, const JsonPath& p, Tag<FeedbackTemplate>);
Result<Feedback> decode_value(od::value v, const JsonPath& p, Tag<Feedback>);
Result<FormTemplate> decode_value(od::value v, const JsonPath& p, Tag<FormTemplate>);
Result<ProfileForm> decode_value(od::value v, const JsonPath& p, Tag<ProfileForm>);
Result<Note> decode_value(od::value v, const JsonPath& p, Tag<Note>);
Result<NoteCreated> decode_value(od::value v, const JsonPath& p, Tag<NoteCreated>);
Result<Webhook> decode_value(od::value v, const JsonPath& p, Tag<Webhook>);
Result<LeverErrorBody> decode_value(od::value v, const JsonPath& p, Tag<LeverErrorBody>);

// Small shared pieces (defined next to the model that owns them).
Result<Phone> read_phone(od::value v, const JsonPath& p);                          // contact.cpp
Result<std::optional<ArchivedState>> read_archived(od::value v, const JsonPath& p);  // application.cpp
Result<std::optional<TemplateGroup>> read_template_group(od::value v, const JsonPath& p);  // feedback.cpp

/// The decoder of T as a callable for read_array / read_expandable.
template <class T>
inline constexpr auto decoder = [](od::value v, const JsonPath& p) { return decode_value(v, p, Tag<T>{}); };

/// One object document (bare, wrapped or double-wrapped) of type T.
template <class T>
Result<T> decode_one(JsonInput in) {
  return decode_object_document<T>(in, decoder<T>);
}

/// One list page of T.
template <class T>
Result<Page<T>> decode_page(JsonInput in) {
  return decode_page_document<T>(in, decoder<T>);
}

}  // namespace leverkit::detail
