#include "binary/file_registry.h"

#include "errors.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

namespace quiver::binary_detail {

namespace {

struct Entry {
    int readers = 0;
    bool writer = false;
};

// Process-wide; guarded by registry_mutex (B9). Leaked on purpose so handles destroyed during
// static destruction never touch a dead map.
std::mutex& registry_mutex() {
    static auto* mutex = new std::mutex();
    return *mutex;
}

std::map<std::string, Entry>& registry() {
    static auto* map = new std::map<std::string, Entry>();
    return *map;
}

[[noreturn]] void fail_writing(const std::string& canonical) {
    detail::fail_cannot("open_file", "file is already open for writing: " + canonical);
}

}  // namespace

std::string canonical_base(const std::string& path) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
    if (ec) return std::filesystem::absolute(path).lexically_normal().string();
    return canonical.string();
}

void require_not_writing(const std::string& canonical) {
    std::lock_guard lock(registry_mutex());
    const auto it = registry().find(canonical);
    if (it != registry().end() && it->second.writer) fail_writing(canonical);
}

Registration::Registration(const std::string& canonical, Role role) : canonical_(canonical), role_(role) {
    std::lock_guard lock(registry_mutex());
    auto& entry = registry()[canonical];
    if (entry.writer) fail_writing(canonical);
    if (role == Role::Writer) {
        if (entry.readers > 0) detail::fail_cannot("open_file", "file is open for reading: " + canonical);
        entry.writer = true;
    } else {
        ++entry.readers;
    }
    active_ = true;
}

Registration::~Registration() {
    release();
}

Registration::Registration(Registration&& other) noexcept
    : canonical_(std::move(other.canonical_)), role_(other.role_), active_(other.active_) {
    other.active_ = false;
}

Registration& Registration::operator=(Registration&& other) noexcept {
    if (this != &other) {
        release();
        canonical_ = std::move(other.canonical_);
        role_ = other.role_;
        active_ = other.active_;
        other.active_ = false;
    }
    return *this;
}

void Registration::release() noexcept {
    if (!active_) return;
    active_ = false;
    std::lock_guard lock(registry_mutex());
    const auto it = registry().find(canonical_);
    if (it == registry().end()) return;
    if (role_ == Role::Writer) {
        it->second.writer = false;
    } else {
        --it->second.readers;
    }
    if (!it->second.writer && it->second.readers == 0) registry().erase(it);
}

void lock_data_file(int fd, Role role, const std::string& data_path, const std::string& canonical) {
    if (::flock(fd, (role == Role::Writer ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0) return;
    if (errno != EWOULDBLOCK) {
        detail::fail_failed("open_file", "cannot lock " + data_path + ": " + std::strerror(errno));
    }
    if (role == Role::Writer) {
        // Tell readers from a writer: a shared lock is granted iff only readers hold the file.
        const int probe = ::open(data_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (probe >= 0) {
            const bool readers_only = ::flock(probe, LOCK_SH | LOCK_NB) == 0;
            ::close(probe);
            if (readers_only) detail::fail_cannot("open_file", canonical + " is open for reading");
        }
    }
    detail::fail_cannot("open_file", canonical + " is open for writing");
}

}  // namespace quiver::binary_detail
