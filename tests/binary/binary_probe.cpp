// Helper process for the cross-process tests: opens a file pair and prints "OK" or the error.
//   quiver_binary_probe open <base path> <r|w>
#include "quiver/binary/binary_file.h"

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4 || std::strcmp(argv[1], "open") != 0) {
        std::fprintf(stderr, "usage: quiver_binary_probe open PATH MODE\n");
        return 2;
    }
    try {
        quiver::BinaryMetadata md;
        md.version = std::string("1");  // not = "1": GCC 12 warns falsely (-Wrestrict) there
        md.labels = {"a", "b"};
        md.add_dimension("row", 3);
        md.add_dimension("col", 2);
        quiver::BinaryFile::open_file(argv[2], argv[3][0], md);
        std::printf("OK");
    } catch (const std::exception& e) {
        std::printf("%s", e.what());
    }
    return 0;
}
