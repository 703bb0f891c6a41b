// Runs c_binary_language_check.c, compiled as C11.
#include "c_binary_test_support.h"

extern "C" int quiver_c_binary_language_check(const char* base, const char* out_base);

namespace quiver::c_test {
namespace {

TEST(CBinaryLanguage, HeadersAreValidC) {
    const auto base = (scratch_dir() / "in").string();
    const auto out = (scratch_dir() / "out").string();
    EXPECT_EQ(quiver_c_binary_language_check(base.c_str(), out.c_str()), 0) << quiver_get_last_error();
}

}  // namespace
}  // namespace quiver::c_test
