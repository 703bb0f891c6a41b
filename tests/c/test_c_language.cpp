// The public headers compile as C and the library works from a plain C translation unit.
#include "c_test_support.h"

using namespace quiver::c_test;

extern "C" int quiver_c_language_check(const char* db_path, const char* schema_path);

TEST(CApiLanguage, UsableFromPlainC) {
    EXPECT_EQ(quiver_c_language_check(scratch_db().c_str(), schema_path(kFixture).c_str()), 0)
        << quiver_get_last_error();
}
