// Compile-only check of Element::set (element.h, api-additions §0.1 R5): every literal type picks
// exactly one overload (an ambiguous or missing overload fails the build), and types that cannot
// be stored without loss are refused at compile time. Built as an object library with GNU
// extensions on (CMake's default for consumers), where __int128 counts as an integer type.
#include <quiver/element.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

using quiver::Element;
using quiver::Value;

template <typename T>
concept Settable = requires(Element e, T value) {
    { e.set("x", value) } -> std::same_as<Element&>;
};

// Every integer literal type, bool and the floating-point literal types.
[[maybe_unused]] void every_literal_type_compiles() {
    Element e;
    e.set("a", 0).set("b", 0u).set("c", 0l).set("d", 0ul).set("e", 0ll).set("f", 0ull);
    e.set("g", '\0').set("h", true).set("i", 0.0f).set("j", 0.0).set("k", 0.0L);
    e.set("l", "text").set("m", nullptr).set("n", std::string("s")).set("o", std::string_view("v"));
    e.set("p", Value{}).set("q", L'\0').set("r", u8'\0').set("s", u'\0').set("t", U'\0');
    // Braced lists: numbers, strings, Value cells, mixed with NULL, empty.
    e.set("u", {1, 2}).set("v", {1.0, 2.0}).set("w", {"a", "b"}).set("x", {true, false});
    e.set("y", {1.0, nullptr}).set("z", {}).set("aa", {nullptr, nullptr}).set("ab", {1u, 2u});
    e.set("ac", {Value(1.0), Value(nullptr)});
    // Vectors of any cell type and of Value.
    e.set("ad", std::vector<int>{}).set("ae", std::vector<Value>{}).set("af", std::vector<bool>{});
    e.set("ag", std::vector<std::string_view>{}).set("ah", std::vector<const char*>{});
}

static_assert(Settable<int> && Settable<unsigned> && Settable<long> && Settable<unsigned long>);
static_assert(Settable<long long> && Settable<unsigned long long> && Settable<char>);
static_assert(Settable<signed char> && Settable<unsigned char> && Settable<short>);
static_assert(Settable<bool> && Settable<float> && Settable<double> && Settable<long double>);
static_assert(Settable<const char*> && Settable<char*> && Settable<const char (&)[5]>);
static_assert(Settable<std::string> && Settable<const std::string&> && Settable<std::string_view>);
static_assert(Settable<std::nullptr_t> && Settable<Value> && Settable<const Value&>);
static_assert(Settable<std::vector<int64_t>> && Settable<std::vector<double>>);
static_assert(Settable<std::vector<std::string>> && Settable<std::vector<Value>>);

// Refused at compile time: pointers other than strings, enums, nested arrays, wider integers.
enum Plain { kPlain };
enum class Scoped { kScoped };
static_assert(!Settable<int*> && !Settable<const void*> && !Settable<Plain> && !Settable<Scoped>);
static_assert(!Settable<std::vector<std::vector<int>>> && !Settable<std::vector<int*>>);
#if defined(__SIZEOF_INT128__)
__extension__ typedef __int128 wide_int;
__extension__ typedef unsigned __int128 wide_uint;
static_assert(!Settable<wide_int> && !Settable<wide_uint>);
static_assert(!Settable<std::vector<wide_int>>);
#endif

}  // namespace
