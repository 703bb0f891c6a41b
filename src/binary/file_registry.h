// Who has a file pair open: the in-process registry (B9) and the cross-process advisory lock on
// the data file (B22).
//
// In process, a base path open for writing cannot be opened again in any mode, and 'w' is refused
// while readers are open. Across processes, writers hold flock(LOCK_EX) and readers
// flock(LOCK_SH) on the .qvr, taken without waiting: a conflict is an error, never a hang.
#ifndef QUIVER_SRC_BINARY_FILE_REGISTRY_H
#define QUIVER_SRC_BINARY_FILE_REGISTRY_H

#include <string>

namespace quiver::binary_detail {

enum class Role { Reader, Writer };

// weakly_canonical(path) as a string: the registry key and the path named in lock errors.
std::string canonical_base(const std::string& path);

// Throws "Cannot open_file: file is already open for writing: <canonical>" when a writer holds it.
void require_not_writing(const std::string& canonical);

// One registration; released by the destructor. Move-only.
class Registration {
public:
    Registration() = default;
    // Throws "Cannot open_file: file is already open for writing: <c>" or, for a writer,
    // "Cannot open_file: file is open for reading: <c>".
    Registration(const std::string& canonical, Role role);
    ~Registration();
    Registration(Registration&& other) noexcept;
    Registration& operator=(Registration&& other) noexcept;
    Registration(const Registration&) = delete;
    Registration& operator=(const Registration&) = delete;
    void release() noexcept;

private:
    std::string canonical_;
    Role role_ = Role::Reader;
    bool active_ = false;
};

// flock on fd without waiting. On conflict throws "Cannot open_file: <canonical> is open for
// writing" (or "... is open for reading" when only readers hold it and role is Writer).
void lock_data_file(int fd, Role role, const std::string& data_path, const std::string& canonical);

}  // namespace quiver::binary_detail

#endif  // QUIVER_SRC_BINARY_FILE_REGISTRY_H
