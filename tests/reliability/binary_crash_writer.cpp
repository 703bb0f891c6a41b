// quiver_binary_crash_writer: replaces one binary file pair over and over, until the crash-safety
// test kills it with SIGKILL (binary.md B14).
//
//   quiver_binary_crash_writer save <dir>   saves a + b * k to <dir>/out for k = 1, 2, ...
//   quiver_binary_crash_writer csv <dir>    writes <dir>/c.csv with values i + k, then csv_to_bin(<dir>/c)
//
// The inputs (<dir>/a, <dir>/b, <dir>/c.toml) are prepared by the test. Reports on stdout
// (write(2), unbuffered): "READY", then "S <k>" before and "D <k>" after each replacement.
#include "quiver/binary/csv_converter.h"
#include "quiver/expression/expression.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

namespace {

void emit(const std::string& line) {
    const std::string data = line + "\n";
    if (::write(STDOUT_FILENO, data.data(), data.size()) != static_cast<ssize_t>(data.size())) std::_Exit(3);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: quiver_binary_crash_writer save|csv DIR\n");
        return 2;
    }
    const std::string mode = argv[1];
    const std::string dir = argv[2];
    try {
        emit("READY");
        for (long k = 1;; ++k) {
            emit("S " + std::to_string(k));
            if (mode == "save") {
                const quiver::Expression a(quiver::BinaryFile(dir + "/a"));
                const quiver::Expression b(quiver::BinaryFile(dir + "/b"));
                (a + b * static_cast<double>(k)).save(dir + "/out");
            } else {
                const auto md = quiver::BinaryMetadata::from_toml_file(dir + "/c");
                std::string text = "i,v\n";
                for (int64_t i = 1; i <= md.dimensions[0].size; ++i) {
                    text += std::to_string(i) + "," + std::to_string(i - 1 + k) + "\n";
                }
                std::ofstream(dir + "/c.csv", std::ios::binary | std::ios::trunc) << text;
                quiver::CSVConverter::csv_to_bin(dir + "/c");
            }
            emit("D " + std::to_string(k));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "quiver_binary_crash_writer: %s\n", e.what());
        return 2;
    }
}
