// common.h: version, the thread-local last error, and the shared allocation helpers.
#include "internal.h"

namespace {

std::string& last_error() {
    thread_local std::string message;
    return message;
}

}  // namespace

namespace quiver_c {

void set_last_error(const char* message) noexcept {
    try {
        last_error() = message;
    } catch (...) {
        // Could not store the message (out of memory): keep the previous text rather than throw.
    }
}

char* copy_string(const std::string& text) {
    auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) throw std::bad_alloc();
    std::memcpy(copy, text.c_str(), text.size() + 1);
    return copy;
}

void free_strings(char** strings, size_t count) noexcept {
    if (strings == nullptr) return;
    for (size_t i = 0; i < count; ++i) std::free(strings[i]);
    std::free(strings);
}

char** copy_strings(const std::vector<std::string>& values) {
    return build_array<char*>(
        values.size(), [&](size_t i) { return copy_string(values[i]); },
        [](char* text, size_t) { std::free(text); });
}

char** copy_optional_strings(const std::vector<std::optional<std::string>>& values) {
    return build_array<char*>(
        values.size(),
        [&](size_t i) { return values[i] ? copy_string(*values[i]) : nullptr; },
        [](char* text, size_t) { std::free(text); });
}

void copy_nested(const std::vector<std::vector<std::string>>& lists, char**** out_lists,
                 size_t** out_sizes) {
    malloc_ptr<size_t> sizes(allocate_array<size_t>(lists.size()));
    for (size_t i = 0; i < lists.size(); ++i) sizes.get()[i] = lists[i].size();
    char*** outer = build_array<char**>(
        lists.size(), [&](size_t i) { return copy_strings(lists[i]); },
        [&](char** inner, size_t i) { free_strings(inner, lists[i].size()); });
    *out_lists = outer;
    *out_sizes = sizes.release();
}

void copy_list(const std::vector<std::string>& values, char*** out_values, size_t* out_count) {
    *out_values = copy_strings(values);
    *out_count = values.size();
}

void publish_optional(const std::optional<std::string>& value, char** out_value, int* out_has_value) {
    *out_value = value ? copy_string(*value) : nullptr;
    *out_has_value = value ? 1 : 0;
}

}  // namespace quiver_c

extern "C" {

QUIVER_C_API const char* quiver_version(void) {
    return QUIVER_VERSION;
}

QUIVER_C_API const char* quiver_get_last_error(void) {
    return last_error().c_str();
}

QUIVER_C_API void quiver_clear_last_error(void) {
    last_error().clear();
}

}  // extern "C"
