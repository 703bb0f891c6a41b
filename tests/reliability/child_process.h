// A child process for the reliability tests: started with posix_spawn, its stdin and stdout are
// pipes (stderr is inherited, so its diagnostics reach the CTest log), and it can be read line by
// line with a timeout, written to, killed with SIGKILL and reaped. The destructor kills and reaps
// a child that is still running, so a failing test never leaves a process behind.
#ifndef QUIVER_TESTS_RELIABILITY_CHILD_PROCESS_H
#define QUIVER_TESTS_RELIABILITY_CHILD_PROCESS_H

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace quiver::reliability {

class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv) {
        // Writing to a child that has died must not kill the test with SIGPIPE.
        ::signal(SIGPIPE, SIG_IGN);
        int in_pipe[2];
        int out_pipe[2];
        if (::pipe2(in_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
        if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
            ::close(in_pipe[0]);
            ::close(in_pipe[1]);
            throw std::runtime_error("pipe2 failed");
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        const int rc = ::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in_pipe[0]);
        ::close(out_pipe[1]);
        to_child_ = in_pipe[1];
        from_child_ = out_pipe[0];
        if (rc != 0) {
            pid_ = -1;
            close_pipes();
            throw std::runtime_error("posix_spawn " + argv[0] + " failed: " + std::strerror(rc));
        }
    }

    ~ChildProcess() {
        if (pid_ > 0 && !reaped_) {
            ::kill(pid_, SIGKILL);
            wait();
        }
        close_pipes();
    }

    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }

    // Next complete line from the child's stdout (without '\n'). False on timeout, or at EOF
    // (eof() tells which). A trailing partial line is never returned.
    bool read_line(std::string& line, std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            const auto nl = buffer_.find('\n');
            if (nl != std::string::npos) {
                line = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                return true;
            }
            if (eof_) return false;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() < 0) return false;
            pollfd pfd{from_child_, POLLIN, 0};
            const int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
            if (ready < 0 && errno == EINTR) continue;
            if (ready <= 0) return false;
            fill();
        }
    }

    // Blocks until the child's stdout reaches EOF, returning the remaining complete lines.
    // partial_tail() is whatever followed the last '\n'.
    std::vector<std::string> drain() {
        while (!eof_) fill();
        std::vector<std::string> lines;
        std::string line;
        while (read_line(line, std::chrono::milliseconds(0))) lines.push_back(line);
        return lines;
    }
    const std::string& partial_tail() const { return buffer_; }
    bool eof() const { return eof_ && buffer_.find('\n') == std::string::npos; }

    // Writes one line to the child's stdin; false if the child is gone.
    bool write_line(const std::string& text) {
        const std::string data = text + "\n";
        size_t done = 0;
        while (done < data.size()) {
            const ssize_t n = ::write(to_child_, data.data() + done, data.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }

    // Closes the child's stdin (it sees EOF).
    void close_stdin() {
        if (to_child_ >= 0) ::close(to_child_);
        to_child_ = -1;
    }

    void kill_now() {
        if (pid_ > 0 && !reaped_) ::kill(pid_, SIGKILL);
    }

    // Reaps the child; returns the raw wait status.
    int wait() {
        if (reaped_) return status_;
        while (::waitpid(pid_, &status_, 0) < 0) {
            if (errno != EINTR) {
                status_ = -1;
                break;
            }
        }
        reaped_ = true;
        return status_;
    }

    // Waits up to `timeout` for the child to exit by itself; true if it did.
    bool wait_for(std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!reaped_) {
            const pid_t r = ::waitpid(pid_, &status_, WNOHANG);
            if (r == pid_) {
                reaped_ = true;
                break;
            }
            if (std::chrono::steady_clock::now() > deadline) return false;
            ::usleep(5000);
        }
        return true;
    }

    static std::string describe_status(int status) {
        if (status == -1) return "not reaped";
        if (WIFEXITED(status)) return "exited with code " + std::to_string(WEXITSTATUS(status));
        if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
        return "status " + std::to_string(status);
    }

private:
    void fill() {
        char chunk[4096];
        for (;;) {
            const ssize_t n = ::read(from_child_, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                eof_ = true;
                return;
            }
            buffer_.append(chunk, static_cast<size_t>(n));
            return;
        }
    }

    void close_pipes() {
        if (to_child_ >= 0) ::close(to_child_);
        if (from_child_ >= 0) ::close(from_child_);
        to_child_ = from_child_ = -1;
    }

    pid_t pid_ = -1;
    int to_child_ = -1;
    int from_child_ = -1;
    std::string buffer_;
    bool eof_ = false;
    bool reaped_ = false;
    int status_ = -1;
};

}  // namespace quiver::reliability

#endif  // QUIVER_TESTS_RELIABILITY_CHILD_PROCESS_H
