// The one error path of the core: every failure is a std::runtime_error built by one of the
// three message patterns below (plus the few historical families the spec keeps verbatim).
#ifndef QUIVER_SRC_ERRORS_H
#define QUIVER_SRC_ERRORS_H

#include <stdexcept>
#include <string>
#include <string_view>

namespace quiver::detail {

// "Cannot <op>: <reason>" — invalid arguments, missing things, wrong state.
[[noreturn]] inline void fail_cannot(std::string_view op, std::string_view reason) {
    std::string msg;
    msg.reserve(9 + op.size() + reason.size());
    msg.append("Cannot ").append(op).append(": ").append(reason);
    throw std::runtime_error(msg);
}

// "<Entity> not found: <identifier>"
[[noreturn]] inline void fail_not_found(std::string_view entity, std::string_view identifier) {
    std::string msg(entity);
    msg.append(" not found: ").append(identifier);
    throw std::runtime_error(msg);
}

// "Failed to <op>: <reason>" — SQLite or I/O failures.
[[noreturn]] inline void fail_failed(std::string_view op, std::string_view reason) {
    std::string msg("Failed to ");
    msg.append(op).append(": ").append(reason);
    throw std::runtime_error(msg);
}

// Raw message families the specification keeps outside the three patterns.
[[noreturn]] inline void fail_raw(std::string msg) {
    throw std::runtime_error(std::move(msg));
}

inline std::string quoted(std::string_view s) {
    std::string out("'");
    out.append(s).append("'");
    return out;
}

}  // namespace quiver::detail

#endif  // QUIVER_SRC_ERRORS_H
