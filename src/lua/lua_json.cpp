// The JSON encoder of script return values (§7). Hand-written rather than built on
// nlohmann::json: the rules are ours (a float with an integral value is written without ".0",
// byte-order key sorting with integer keys as decimal text, duplicate-key, depth and size
// errors with exact messages), and streaming straight from the Lua stack avoids building a
// second copy of a large result.
#include "lua/lua_json.h"

#include "utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace quiver::lua {
namespace {

[[noreturn]] void fail(const std::string& reason) {
    throw std::runtime_error("Cannot run: " + reason);
}

[[noreturn]] void fail_size() {
    fail("script return value exceeds " + std::to_string(kMaxJsonBytes) + " bytes of JSON");
}

// Bytes that need an escape in a JSON string: '"', '\\' and the controls below 0x20.
bool needs_escape(unsigned char c) {
    return c < 0x20 || c == '"' || c == '\\';
}

size_t escape_size(unsigned char c) {
    switch (c) {
    case '"': case '\\': case '\b': case '\f': case '\n': case '\r': case '\t': return 2;
    default: return 6;  // \u00xx
    }
}

class Encoder {
public:
    explicit Encoder(lua_State* L) : L_(L) {}

    void value(int idx, int depth) {
        if (depth > kMaxJsonDepth) {
            fail("script return value nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        }
        switch (lua_type(L_, idx)) {
        case LUA_TNIL: append("null"); break;
        case LUA_TBOOLEAN: append(lua_toboolean(L_, idx) ? "true" : "false"); break;
        case LUA_TNUMBER: number(idx); break;
        case LUA_TSTRING: {
            size_t len = 0;
            const char* s = lua_tolstring(L_, idx, &len);  // a string: no conversion happens
            string(std::string_view(s, len));
            break;
        }
        case LUA_TTABLE: table(lua_absindex(L_, idx), depth); break;
        default: fail("script returned an unsupported Lua type");
        }
    }

    std::string take() { return std::move(out_); }

private:
    void append(std::string_view piece) {
        if (out_.size() + piece.size() > kMaxJsonBytes) fail_size();
        out_.append(piece);
    }

    void number(int idx) {
        char buffer[40];
        char* end = nullptr;
        if (lua_isinteger(L_, idx)) {
            end = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(lua_tointeger(L_, idx))).ptr;
        } else {
            const double d = lua_tonumber(L_, idx);
            if (!std::isfinite(d)) {
                append("null");
                return;
            }
            end = std::to_chars(buffer, buffer + sizeof buffer, d).ptr;  // shortest round trip
        }
        append(std::string_view(buffer, static_cast<size_t>(end - buffer)));
    }

    void string(std::string_view s) {
        if (!detail::is_valid_utf8(s)) fail("script return value contains a string that is not valid UTF-8");
        size_t size = 2;
        for (const char c : s) size += needs_escape(static_cast<unsigned char>(c)) ? escape_size(c) : 1;
        if (out_.size() + size > kMaxJsonBytes) fail_size();
        out_.reserve(out_.size() + size);
        out_.push_back('"');
        size_t run = 0;  // start of the current run of bytes copied as they are
        for (size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (!needs_escape(c)) continue;
            out_.append(s.substr(run, i - run));
            run = i + 1;
            switch (c) {
            case '"': out_.append("\\\""); break;
            case '\\': out_.append("\\\\"); break;
            case '\b': out_.append("\\b"); break;
            case '\f': out_.append("\\f"); break;
            case '\n': out_.append("\\n"); break;
            case '\r': out_.append("\\r"); break;
            case '\t': out_.append("\\t"); break;
            default: {
                static const char hex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out_.append(escaped, sizeof escaped);
            }
            }
        }
        out_.append(s.substr(run));
        out_.push_back('"');
    }

    // Array when the keys are exactly 1..n (counted, so holes make an object); else an object
    // whose keys (integers as decimal text) are sorted by byte order.
    void table(int t, int depth) {
        if (!lua_checkstack(L_, 4)) fail("script return value nests deeper than the Lua stack allows");
        const auto length = static_cast<lua_Integer>(lua_rawlen(L_, t));
        bool sequence = true;
        lua_Integer count = 0;
        lua_pushnil(L_);
        while (lua_next(L_, t) != 0) {
            lua_pop(L_, 1);
            ++count;
            if (!lua_isinteger(L_, -1)) {
                sequence = false;
            } else {
                const lua_Integer k = lua_tointeger(L_, -1);
                if (k < 1 || k > length) sequence = false;
            }
        }
        if (sequence && count == length) {
            append("[");
            for (lua_Integer i = 1; i <= length; ++i) {
                if (i > 1) append(",");
                lua_rawgeti(L_, t, i);
                value(-1, depth + 1);
                lua_pop(L_, 1);
            }
            append("]");
            return;
        }
        object(t, depth);
    }

    // A key of the object being written. A string key's bytes are borrowed from the Lua string
    // (the table keeps it alive and is not modified meanwhile); an integer key's decimal text is
    // kept inline. No allocation per key.
    struct Key {
        const char* data = nullptr;  // string key; nullptr for an integer key
        size_t size = 0;
        lua_Integer number = 0;
        char digits[24] = {};

        std::string_view text() const { return data ? std::string_view(data, size) : std::string_view(digits, size); }
    };

    void object(int t, int depth) {
        // One key buffer per nesting level, reused by every object at that level.
        if (keys_by_depth_.size() <= static_cast<size_t>(depth)) keys_by_depth_.resize(depth + 1);
        std::vector<Key>& keys = keys_by_depth_[depth];
        keys.clear();
        bool unsupported = false;
        lua_pushnil(L_);
        while (lua_next(L_, t) != 0) {
            lua_pop(L_, 1);
            Key key;
            if (lua_isinteger(L_, -1)) {
                key.number = lua_tointeger(L_, -1);
                key.size = static_cast<size_t>(
                    std::to_chars(key.digits, key.digits + sizeof key.digits, static_cast<long long>(key.number)).ptr -
                    key.digits);
            } else if (lua_type(L_, -1) == LUA_TSTRING) {
                key.data = lua_tolstring(L_, -1, &key.size);
            } else {
                unsupported = true;  // reported after the whole table was seen (order-independent)
                continue;
            }
            keys.push_back(key);
        }
        if (unsupported) fail("script returned a table with an unsupported key type");
        for (const auto& key : keys) {
            if (key.data && !detail::is_valid_utf8(key.text())) {
                fail("script return value contains a string that is not valid UTF-8");
            }
        }
        std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.text() < b.text(); });
        for (size_t i = 1; i < keys.size(); ++i) {
            if (keys[i].text() == keys[i - 1].text()) {
                fail("script returned a table with duplicate key '" + std::string(keys[i].text()) + "'");
            }
        }
        append("{");
        // Nested objects use deeper levels of keys_by_depth_, whose growth may move this level's
        // vector: it is looked up again for every key.
        const size_t count = keys.size();
        for (size_t i = 0; i < count; ++i) {
            const Key key = keys_by_depth_[depth][i];
            if (i > 0) append(",");
            string(key.text());
            append(":");
            if (key.data) {
                lua_pushlstring(L_, key.data, key.size);
                lua_rawget(L_, t);
            } else {
                lua_rawgeti(L_, t, key.number);
            }
            value(-1, depth + 1);
            lua_pop(L_, 1);
        }
        append("}");
    }

    lua_State* L_;
    std::string out_;
    std::vector<std::vector<Key>> keys_by_depth_;
};

}  // namespace

std::string encode_json(lua_State* L, int idx) {
    Encoder encoder(L);
    encoder.value(lua_absindex(L, idx), 0);
    return encoder.take();
}

}  // namespace quiver::lua
