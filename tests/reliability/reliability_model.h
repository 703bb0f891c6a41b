// The data model shared by the reliability programs (crash writer, database actor) and the tests
// that check their work: the exact content of record <seq> at <version>, and a verifier that
// reads a whole database back through the Quiver API and checks every element is complete.
//
// Every element of the Record collection (tests/reliability/reliability.sql) is a pure function
// of (seq, version): scalars, vector rows and set rows. A torn write (scalars of one version, group
// rows of another, missing or extra group rows, orphans) therefore never verifies.
#ifndef QUIVER_TESTS_RELIABILITY_MODEL_H
#define QUIVER_TESTS_RELIABILITY_MODEL_H

#include "quiver/database.h"
#include "quiver/element.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace quiver::reliability {

inline constexpr const char* kCollection = "Record";

struct RecordContent {
    std::string label;
    int64_t seq = 0;
    int64_t version = 0;
    double weight = 0;
    std::string payload;
    std::vector<double> samples;    // Record_vector_samples.sample, in vector_index order
    std::vector<std::string> tags;  // Record_set_tags.tag (unordered; kept sorted here)
};

inline uint64_t mix(uint64_t x) {  // splitmix64 finaliser
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

inline std::string record_label(int64_t seq) {
    return "rec-" + std::to_string(seq);
}

// All values are exactly representable (quarters, eighths), so equality comparison is exact.
inline RecordContent expected_record(int64_t seq, int64_t version) {
    const uint64_t h = mix(static_cast<uint64_t>(seq) * 1000003ULL + static_cast<uint64_t>(version));
    RecordContent r;
    r.label = record_label(seq);
    r.seq = seq;
    r.version = version;
    r.weight = static_cast<double>(seq) + static_cast<double>(version) / 8.0;
    // 64..4063 bytes: many records span more than one 4 KiB page.
    const size_t payload_size = 64 + (h >> 24) % 4000;
    r.payload.resize(payload_size);
    for (size_t i = 0; i < payload_size; ++i) {
        r.payload[i] = static_cast<char>('a' + (i * 7 + static_cast<uint64_t>(seq + version)) % 26);
    }
    const size_t samples = 4 + h % 45;
    for (size_t i = 0; i < samples; ++i) {
        r.samples.push_back(static_cast<double>(((h >> 8) + i * 131) % 100000) / 4.0);
    }
    const size_t tags = 1 + (h >> 16) % 6;
    for (size_t i = 0; i < tags; ++i) {
        r.tags.push_back("s" + std::to_string(seq) + "v" + std::to_string(version) + "t" + std::to_string(i));
    }
    std::sort(r.tags.begin(), r.tags.end());
    return r;
}

// The full element (for create_element).
inline Element record_element(int64_t seq, int64_t version) {
    const auto r = expected_record(seq, version);
    Element e;
    e.set("label", r.label)
        .set("seq", r.seq)
        .set("version", r.version)
        .set("weight", r.weight)
        .set("payload", r.payload)
        .set("sample", r.samples)
        .set("tag", r.tags);
    return e;
}

// Everything that depends on the version (for update_element: rewrites scalars and replaces the
// vector and set rows wholesale).
inline Element record_update(int64_t seq, int64_t version) {
    const auto r = expected_record(seq, version);
    Element e;
    e.set("version", r.version)
        .set("weight", r.weight)
        .set("payload", r.payload)
        .set("sample", r.samples)
        .set("tag", r.tags);
    return e;
}

// seq -> version of every element present.
using State = std::map<int64_t, int64_t>;

inline std::string describe_state_difference(const State& expected, const State& actual) {
    std::string out;
    int shown = 0;
    for (const auto& [seq, version] : expected) {
        auto it = actual.find(seq);
        if (it == actual.end()) {
            out += " missing rec-" + std::to_string(seq) + "@v" + std::to_string(version) + ";";
        } else if (it->second != version) {
            out += " rec-" + std::to_string(seq) + " is v" + std::to_string(it->second) + " not v" +
                   std::to_string(version) + ";";
        } else {
            continue;
        }
        if (++shown >= 10) return out + " ...";
    }
    for (const auto& [seq, version] : actual) {
        if (expected.count(seq)) continue;
        out += " unexpected rec-" + std::to_string(seq) + "@v" + std::to_string(version) + ";";
        if (++shown >= 10) return out + " ...";
    }
    return out;
}

// Reads every element of Record through the Quiver API and checks each one against
// expected_record(seq, version): all scalars, the exact vector (values and order) and the exact
// set. Also checks, with SQL, that the group tables hold no row beyond those (no orphans, vector
// indexes exactly 1..n) and, when `integrity` is set, PRAGMA integrity_check and
// PRAGMA foreign_key_check. Problems are appended to `problems`; returns the state found.
inline State read_and_verify(Database& db, std::vector<std::string>& problems, bool integrity = true) {
    State state;
    auto add = [&](std::string text) {
        if (problems.size() < 20) problems.push_back(std::move(text));
    };
    if (integrity) {
        const auto check = db.query_string("PRAGMA integrity_check");
        if (check.value_or("<none>") != "ok") add("integrity_check: " + check.value_or("<none>"));
        const auto fk = db.query_string("PRAGMA foreign_key_check");
        if (fk) add("foreign_key_check reports a violation in table " + *fk);
    }
    const auto ids = db.read_element_ids(kCollection);
    const auto labels = db.read_scalar_strings(kCollection, "label");
    const auto seqs = db.read_scalar_integers(kCollection, "seq");
    const auto versions = db.read_scalar_integers(kCollection, "version");
    const auto weights = db.read_scalar_floats(kCollection, "weight");
    const auto payloads = db.read_scalar_strings(kCollection, "payload");
    const auto samples = db.read_vector_floats(kCollection, "sample");
    auto tags = db.read_set_strings(kCollection, "tag");
    const size_t n = ids.size();
    if (labels.size() != n || seqs.size() != n || versions.size() != n || weights.size() != n ||
        payloads.size() != n || samples.size() != n || tags.size() != n) {
        add("bulk reads are not aligned with read_element_ids (" + std::to_string(n) + " ids)");
        return state;
    }
    int64_t expected_samples = 0;
    int64_t expected_tags = 0;
    for (size_t i = 0; i < n; ++i) {
        const std::string where = "element id " + std::to_string(ids[i]);
        if (!seqs[i] || !versions[i]) {
            add(where + ": NULL seq or version");
            continue;
        }
        const auto want = expected_record(*seqs[i], *versions[i]);
        std::sort(tags[i].begin(), tags[i].end());
        if (labels[i].value_or("") != want.label) add(where + ": label " + labels[i].value_or("<null>"));
        if (weights[i].value_or(-1) != want.weight) add(where + " (" + want.label + "): weight differs");
        if (payloads[i].value_or("") != want.payload) add(where + " (" + want.label + "): payload differs");
        if (samples[i] != want.samples) {
            add(where + " (" + want.label + "): vector has " + std::to_string(samples[i].size()) +
                " rows, expected " + std::to_string(want.samples.size()) + " (or values differ)");
        }
        if (tags[i] != want.tags) {
            add(where + " (" + want.label + "): set has " + std::to_string(tags[i].size()) + " rows, expected " +
                std::to_string(want.tags.size()) + " (or values differ)");
        }
        if (!state.emplace(*seqs[i], *versions[i]).second) add(where + ": duplicate seq");
        expected_samples += static_cast<int64_t>(want.samples.size());
        expected_tags += static_cast<int64_t>(want.tags.size());
    }
    const auto sample_rows = db.query_integer("SELECT count(*) FROM Record_vector_samples");
    const auto tag_rows = db.query_integer("SELECT count(*) FROM Record_set_tags");
    if (sample_rows.value_or(-1) != expected_samples) {
        add("Record_vector_samples has " + std::to_string(sample_rows.value_or(-1)) + " rows, expected " +
            std::to_string(expected_samples));
    }
    if (tag_rows.value_or(-1) != expected_tags) {
        add("Record_set_tags has " + std::to_string(tag_rows.value_or(-1)) + " rows, expected " +
            std::to_string(expected_tags));
    }
    const auto bad_index = db.query_integer(
        "SELECT count(*) FROM Record_vector_samples v WHERE v.vector_index < 1 OR v.vector_index > "
        "(SELECT count(*) FROM Record_vector_samples w WHERE w.id = v.id)");
    if (bad_index.value_or(-1) != 0) add("vector_index values are not 1..n for every element");
    return state;
}

}  // namespace quiver::reliability

#endif  // QUIVER_TESTS_RELIABILITY_MODEL_H
