// Migration directories: numbered subdirectories holding up.sql (down.sql is never run).
#include "quiver/migration.h"
#include "quiver/migrations.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>

namespace quiver {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The whole name must be a decimal integer (leading '+' and zeros allowed).
std::optional<int64_t> parse_version(const std::string& name) {
    std::string_view digits = name;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    if (digits.empty() || digits.front() == '-') return std::nullopt;
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return value;
}

}  // namespace

Migration::Migration(int64_t version, std::string path) : version_(version), path_(std::move(path)) {}

int64_t Migration::version() const {
    return version_;
}

const std::string& Migration::path() const {
    return path_;
}

std::string Migration::up_sql() const {
    return read_file(std::filesystem::path(path_) / "up.sql");
}

std::string Migration::down_sql() const {
    return read_file(std::filesystem::path(path_) / "down.sql");
}

std::strong_ordering Migration::operator<=>(const Migration& other) const {
    return version_ <=> other.version_;
}

bool Migration::operator==(const Migration& other) const {
    return version_ == other.version_;
}

Migrations::Migrations() = default;

Migrations::Migrations(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) return;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (!entry.is_directory()) continue;
        const auto version = parse_version(entry.path().filename().string());
        if (version && *version > 0) migrations_.emplace_back(*version, entry.path().string());
    }
    std::sort(migrations_.begin(), migrations_.end());
}

const std::vector<Migration>& Migrations::all() const {
    return migrations_;
}

std::vector<Migration> Migrations::pending(int64_t current_version) const {
    std::vector<Migration> out;
    for (const auto& m : migrations_) {
        if (m.version() > current_version) out.push_back(m);
    }
    return out;
}

int64_t Migrations::latest_version() const {
    return migrations_.empty() ? 0 : migrations_.back().version();
}

size_t Migrations::count() const {
    return migrations_.size();
}

bool Migrations::empty() const {
    return migrations_.empty();
}

Migrations::iterator Migrations::begin() const {
    return migrations_.begin();
}

Migrations::iterator Migrations::end() const {
    return migrations_.end();
}

}  // namespace quiver
