#!/usr/bin/env python3
"""Writes the generated seed corpora of the fuzz harnesses (see fuzz/README.md).

    python3 fuzz/tools/make_seeds.py

- fuzz/corpus/csv_import/   CSV files as Database::export_csv writes them for the harness's
                            populated fixture, plus variants, each followed by the control bytes
- fuzz/corpus/elements/     operation sequences in the FuzzedDataProvider encoding of fuzz_elements
fuzz/corpus/lua/ is written by hand and not touched here.

The encoders below mirror LLVM's FuzzedDataProvider: integers are consumed from the END of the
input (most significant byte first, as many bytes as the range needs), strings from the FRONT
(ConsumeRandomLengthString: a backslash escapes a backslash, a backslash followed by anything
else ends the string). They also mirror the vocabularies and decoding order of
fuzz/fuzz_elements.cpp and fuzz/fuzz_csv_import.cpp: keep them in sync when those change.
"""

import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


class Encoder:
    """Builds an input for FuzzedDataProvider."""

    def __init__(self):
        self.front = bytearray()
        self.back = []  # bytes in consumption order

    def integral(self, value, lo, hi, size=8):
        rng = hi - lo
        if rng < 0:
            raise ValueError("empty range")
        nbytes = 0
        while nbytes < size and (rng >> (8 * nbytes)) > 0:
            nbytes += 1
        offset = (value - lo) % (1 << 64)
        if not (0 <= value - lo <= rng):
            raise ValueError(f"{value} not in [{lo}, {hi}]")
        for i in reversed(range(nbytes)):  # most significant first
            self.back.append((offset >> (8 * i)) & 0xFF)

    def boolean(self, value):
        self.integral(1 if value else 0, 0, 255, 1)

    def int64(self, value):
        self.integral(value, -(1 << 63), (1 << 63) - 1, 8)

    def uint64(self, value):
        self.integral(value, 0, (1 << 64) - 1, 8)

    def string(self, text, max_length):
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        if len(data) > max_length:
            raise ValueError("string too long")
        for b in data:
            self.front += b"\\\\" if b == 0x5C else bytes([b])
        if len(data) < max_length:
            self.front += b"\\x"  # terminator

    def remaining(self, data):
        self.front += data

    def bytes(self):
        return bytes(self.front) + bytes(reversed(self.back))


# --- fuzz_elements ------------------------------------------------------------------------------

COLLECTIONS = ["Configuration", "Owner", "Item", "Shipment", "Item_vector_values", "Item_set_tags",
               "Item_time_series_readings", "Item_time_series_files", "", "Nope"]
ATTRIBUTES = ["label", "quantity", "price", "description", "date_created", "date_due",
              "status", "owner_id", "sibling_id", "code", "budget", "item_id",
              "value_int", "value_float", "value_text", "owner_ref", "friend_id", "tag",
              "level", "date_time", "temperature", "humidity", "note", "inflow",
              "id", "vector_index", "", "nope"]
GROUPS = ["readings", "values", "tags", "levels", "refs", "files", "", "nope"]
STRINGS = ["Owner 1", "Owner 2", "Item 1", "Item 2", "  Item 1  ", "", "   ", "2024-01-01T00:00:00",
           "2024-01-01", "x", "12", "a,b \"c\"\n", "\u00e9\u20ac", "nul\0byte"]
DOUBLES = [0.0, -0.0, 1.5, -2.25, 1e308, -1e-308, 5e-324, float("inf"), float("-inf"), float("nan"),
           123456789.125, 3.0]


def bits(value):
    return struct.unpack("<Q", struct.pack("<d", value))[0]

OPS = {"create": 0, "update": 1, "delete": 2, "read_scalars": 3, "read_groups": 4, "read_by_id": 5,
       "update_ts": 6, "read_ts": 7, "update_files": 8, "read_files": 9, "begin": 10, "commit": 11,
       "rollback": 12, "metadata": 13, "ids": 14, "query": 15, "round_trip": 16, "ts_round_trip": 17}
# fuzz/fuzz_roundtrip.h
VALID_DATES = ["2024-01-01", "2024-02-29T23:59:59", " 2024-03-01 10:30 ", "0001-01-01T00Z",
               "9999-12-31 23:59:59.123456789", "2000-02-29T12:00:00.5Z"]
INVALID_DATES = ["2023-02-29", "2024-13-01", "15/01/2020", "yesterday", "2024-01-01T24:00", "", "2024-1-01",
                 "2024-01-01Z"]


class Elements:
    def __init__(self):
        self.e = Encoder()

    def name(self, vocabulary, value):
        if value in vocabulary:
            self.e.integral(vocabulary.index(value), 0, len(vocabulary))
        else:
            self.e.integral(len(vocabulary), 0, len(vocabulary))
            self.e.string(value, 24)

    def integer(self, value):
        if value == "last":
            self.e.integral(2, 0, 3)
        elif -2 <= value <= 9:
            self.e.integral(0, 0, 3)
            self.e.integral(value, -2, 9)
        elif value == (1 << 63) - 1:
            self.e.integral(3, 0, 3)
        else:
            self.e.integral(1, 0, 3)
            self.e.int64(value)

    def floating(self, value):
        table = [bits(d) for d in DOUBLES]
        if bits(value) in table:
            self.e.integral(table.index(bits(value)), 0, len(DOUBLES))
        else:
            self.e.integral(len(DOUBLES), 0, len(DOUBLES))
            self.e.uint64(bits(value))

    def text(self, value):
        self.name(STRINGS, value)

    def value(self, value):
        if value is None:
            self.e.integral(0, 0, 3)
        elif isinstance(value, bool):
            raise ValueError("no booleans")
        elif isinstance(value, int):
            self.e.integral(1, 0, 3)
            self.integer(value)
        elif isinstance(value, float):
            self.e.integral(2, 0, 3)
            self.floating(value)
        else:
            self.e.integral(3, 0, 3)
            self.text(value)

    def id(self, value):
        if value == "last":
            self.e.integral(1, 0, 3)
        elif value == 0:
            self.e.integral(3, 0, 3)
        elif 1 <= value <= 4:
            self.e.integral(0, 0, 3)
            self.e.integral(value, 1, 4)
        else:
            self.e.integral(2, 0, 3)
            self.e.int64(value)

    def element(self, scalars, arrays):
        """scalars: [(name, value)], arrays: [(name, 'int'|'float'|'text'|'mixed', [values])]"""
        self.e.integral(len(scalars), 0, 4)
        for name, value in scalars:
            self.name(ATTRIBUTES, name)
            self.value(value)
        self.e.integral(len(arrays), 0, 3)
        for name, kind, values in arrays:
            self.name(ATTRIBUTES, name)
            self.e.integral({"int": 0, "float": 1, "text": 2, "mixed": 3}[kind], 0, 3)
            self.e.integral(len(values), 0, 4)
            for v in values:
                {"int": self.integer, "float": self.floating, "text": self.text, "mixed": self.value}[kind](v)

    def op(self, name):
        self.e.integral(OPS[name], 0, 17)

    def create(self, collection, scalars=(), arrays=()):
        self.op("create")
        self.name(COLLECTIONS, collection)
        self.element(list(scalars), list(arrays))

    def update(self, collection, id_, scalars=(), arrays=()):
        self.op("update")
        self.name(COLLECTIONS, collection)
        self.id(id_)
        self.element(list(scalars), list(arrays))

    def delete(self, collection, id_):
        self.op("delete")
        self.name(COLLECTIONS, collection)
        self.id(id_)

    def read(self, kind, collection, attribute, id_=None):
        self.op(kind)
        self.name(COLLECTIONS, collection)
        self.name(ATTRIBUTES, attribute)
        if kind == "read_by_id":
            self.id(id_)

    def update_ts(self, collection, group, id_, rows):
        self.op("update_ts")
        self.name(COLLECTIONS, collection)
        self.name(GROUPS, group)
        self.id(id_)
        self.e.integral(len(rows), 0, 3)
        for row in rows:
            self.e.integral(len(row), 0, 3)
            for column, value in row:
                self.name(ATTRIBUTES, column)
                self.value(value)

    def read_ts(self, collection, group, id_):
        self.op("read_ts")
        self.name(COLLECTIONS, collection)
        self.name(GROUPS, group)
        self.id(id_)

    def update_files(self, collection, paths):
        self.op("update_files")
        self.name(COLLECTIONS, collection)
        self.e.integral(len(paths), 0, 2)
        for column, path in paths:
            self.name(ATTRIBUTES, column)
            self.e.boolean(path is not None)
            if path is not None:
                self.text(path)

    def simple(self, name):  # begin, commit, rollback
        self.op(name)

    def collection_op(self, name, collection):  # read_files, ids
        self.op(name)
        self.name(COLLECTIONS, collection)

    def metadata(self, collection, attribute=None, group=None):
        self.op("metadata")
        self.name(COLLECTIONS, collection)
        self.e.boolean(attribute is not None)
        if attribute is not None:
            self.name(ATTRIBUTES, attribute)
        else:
            self.name(GROUPS, group)

    def query(self, index, params):
        self.op("query")
        self.e.integral(index, 0, 3)
        self.e.integral(len(params), 0, 3)
        for p in params:
            self.value(p)

    def date(self, kind, index):
        """kind 'valid' or 'invalid' (an index into VALID_DATES / INVALID_DATES)."""
        if kind == "valid":
            self.e.integral(0, 0, 2)
            self.e.integral(index, 0, len(VALID_DATES) - 1)
        else:
            self.e.integral(1, 0, 2)
            self.e.integral(index, 0, len(INVALID_DATES) - 1)

    def cell(self, value):
        """A draw_cell: None is NULL; an int is an INTEGER cell (float cells only as None here)."""
        self.e.boolean(value is None)
        if value is not None:
            self.e.int64(value)

    def round_trip(self, date, ints):
        """element_round_trip: date = (kind, index); value_int cells as given, value_float NULL."""
        self.op("round_trip")
        self.date(*date)
        self.e.integral(len(ints), 1, 4)
        for v in ints:
            self.cell(v)
            self.cell(None)

    def ts_round_trip(self, id_, rows):
        """time_series_round_trip: rows = [(date, humidity or None)]; temperature not given."""
        self.op("ts_round_trip")
        self.id(id_)
        self.e.integral(len(rows), 0, 3)
        for date, humidity in rows:
            self.date(*date)
            self.e.boolean(False)  # no temperature key
            self.e.boolean(True)   # a humidity key
            self.cell(humidity)

    def bytes(self):
        return self.e.bytes()


def element_seeds():
    seeds = {}

    s = Elements()
    s.create("Item", [("label", "x"), ("price", 1.5), ("owner_id", "Owner 2")],
             [("value_int", "int", [1, 2, 3]), ("tag", "text", ["x", "12"])])
    s.read("read_scalars", "Item", "price")
    s.read("read_groups", "Item", "value_int")
    seeds["create_item_with_groups"] = s.bytes()

    s = Elements()
    s.create("Item", [("label", "Item 1")])  # UNIQUE violation: nothing may change
    s.create("Item", [("label", "x"), ("quantity", 2.25)])  # type mismatch (D1)
    s.create("Item", [("label", "x"), ("quantity", "12")])  # string for a non-FK INTEGER
    s.create("Item", [("label", "x")], [("value_int", "int", [1, 2]), ("value_float", "float", [1.5])])
    seeds["create_failures"] = s.bytes()

    s = Elements()
    s.simple("begin")
    s.create("Owner", [("label", "x")])
    s.create("Owner", [("label", "x")])  # fails inside the user transaction
    s.update("Item", 1, [("owner_id", "nope")])
    s.simple("rollback")
    seeds["transaction_failures"] = s.bytes()

    s = Elements()
    s.update("Item", 1, [], [("tag", "text", []), ("date_time", "text", ["2024-01-01", "x"]),
                             ("temperature", "float", [1.5, -2.25])])
    s.update("Item", 2, [("sibling_id", "Item 2"), ("code", "12")])
    s.update("Item", 99, [("label", "x")])
    seeds["updates"] = s.bytes()

    s = Elements()
    s.delete("Owner", 1)
    s.read("read_scalars", "Item", "owner_id")
    s.delete("Item", 1)
    s.delete("Item", 1)
    s.collection_op("ids", "Shipment")
    seeds["deletes_cascade"] = s.bytes()

    s = Elements()
    s.update_ts("Item", "readings", 1, [[("date_time", "2024-01-01"), ("temperature", 1.5)],
                                        [("date_time", "2024-01-01T00:00:00"), ("humidity", 3)]])
    s.update_ts("Item", "readings", 1, [[("temperature", 1.5)]])
    s.update_ts("Item", "readings", 2, [[("date_time", "x"), ("note", 3.0)]])
    s.read_ts("Item", "readings", 1)
    seeds["time_series"] = s.bytes()

    s = Elements()
    s.update_files("Item", [("inflow", "x"), ("nope", None)])
    s.update_files("Item", [("inflow", None)])
    s.collection_op("read_files", "Item")
    s.metadata("Item", group="readings")
    s.metadata("Item", attribute="owner_id")
    seeds["files_and_metadata"] = s.bytes()

    s = Elements()
    s.read("read_by_id", "Item", "value_int", 1)
    s.read("read_by_id", "Item", "tag", "last")
    s.query(0, [1])
    s.query(2, [1, 2.25])
    s.query(1, ["  Item 1  "])
    seeds["reads_and_queries"] = s.bytes()

    s = Elements()
    s.create("Item", [("label", "nul\0byte"), ("price", float("nan")), ("description", "a,b \"c\"\n")],
             [("value_float", "float", [float("inf"), -0.0, 5e-324])])
    s.create("Item", [("label", "x"), ("quantity", -(1 << 63))], [("level", "int", [1, 1])])
    seeds["edge_values"] = s.bytes()

    s = Elements()
    s.round_trip(("valid", 2), [5, None, -7])
    s.round_trip(("invalid", 0), [None])
    s.create("Item", [("label", "mixed")], [("value_int", "mixed", [None, 3]), ("value_float", "mixed", [1.5, None])])
    s.read("read_by_id", "Item", "value_int", "last")
    s.ts_round_trip(1, [(("valid", 0), None), (("valid", 1), 4)])
    s.ts_round_trip(1, [(("valid", 0), 1), (("invalid", 2), None)])
    seeds["null_cells_and_dates"] = s.bytes()
    return seeds


# --- fuzz_csv_import ----------------------------------------------------------------------------

TARGETS = [("Item", ""), ("Owner", ""), ("Shipment", ""), ("Configuration", ""), ("Item", "values"),
           ("Item", "refs"), ("Item", "tags"), ("Item", "levels"), ("Item", "readings"),
           ("Item", "files"), ("Nope", "")]
FORMATS = ["", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%s", "%Y%m%dT%H%M%S", "%d %b %Y %H:%M:%S"]


def csv_seed(target, text, fmt="", enums=False, in_transaction=False):
    e = Encoder()
    e.integral(TARGETS.index(target), 0, len(TARGETS) - 1)
    e.integral(FORMATS.index(fmt), 0, len(FORMATS) - 1)
    e.boolean(enums)
    e.boolean(in_transaction)
    e.remaining(text.encode("utf-8") if isinstance(text, str) else text)
    return e.bytes()


def csv_seeds():
    # What Database::export_csv writes for the harness's populated fixture.
    exports = {
        ("Item", ""): 'sep=,\nlabel,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n'
                      '"Item 1",3,9.99,,2024-01-15T10:30:00,,1,"Owner 1",,A1\n'
                      '"Item 2",,,,,,2,,"Item 1",\n',
        ("Owner", ""): 'sep=,\nlabel,budget\n"Owner 1",10.5\n"Owner, Two",\n',
        ("Shipment", ""): 'sep=,\nlabel,item_id\n"Ship 1","Item 1"\n',
        ("Configuration", ""): 'sep=,\nlabel\nConfig\n',
        ("Item", "values"): 'sep=,\nid,vector_index,value_int,value_float,value_text\n'
                            '"Item 1",1,1,,x\n"Item 1",2,2,,"y z"\n',
        ("Item", "refs"): 'sep=,\nid,vector_index,owner_ref,friend_id\n"Item 1",1,"Owner 1",\n"Item 1",2,"Owner, Two",\n',
        ("Item", "tags"): 'sep=,\nid,tag\n"Item 1",blue\n"Item 1",red\n',
        ("Item", "levels"): 'sep=,\nid,level\n"Item 1",1\n"Item 1",9\n',
        ("Item", "readings"): 'sep=,\nid,date_time,temperature,humidity,note\n'
                              '"Item 1",2024-01-01T00:00:00,20.5,,\n"Item 1",2024-01-02T00:00:00,21,,\n',
    }
    seeds = {}
    for (collection, group), text in exports.items():
        seeds[f"export_{collection}_{group or 'scalars'}"] = csv_seed((collection, group), text)

    seeds["items_new_rows_self_refs"] = csv_seed(
        ("Item", ""),
        'label,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n'
        'Item 3,-7,1e-3,"multi\nline, ""quoted""",2024-2-3 4:05,2024-12-31T23:59:60Z,2,Owner 1,Item 4,B\n'
        'Item 4,+12,.5,,2024-01-01,,1,,Item 3,\n')
    seeds["items_enum_labels"] = csv_seed(
        ("Item", ""),
        'sep=;\r\nlabel;status;code;quantity;price;description;date_created;date_due;owner_id;sibling_id\r\n'
        'Item 1;inactive;;;;;;;;\r\nItem 9;\u00c9pico;Z;;;;;;;\r\n', enums=True)
    seeds["items_date_format"] = csv_seed(
        ("Item", ""),
        'label,quantity,price,description,date_created,date_due,status,owner_id,sibling_id,code\n'
        'Item 1,,,,15/01/2024,31/12/1999,1,,,\n', fmt="%d/%m/%Y")
    seeds["readings_epoch_format"] = csv_seed(
        ("Item", "readings"), 'id,date_time,temperature,humidity,note\nItem 1,1700000000,1,Dry,n\n',
        fmt="%s", enums=True)
    seeds["owners_excel_trailing"] = csv_seed(("Owner", ""), 'label,budget,,\nOwner 1,1,,\nNew,,, \n')
    seeds["owners_in_transaction_duplicate"] = csv_seed(("Owner", ""), 'label,budget\nA,1\nA,2\n',
                                                        in_transaction=True)
    seeds["values_bad_index"] = csv_seed(("Item", "values"),
                                         'id,vector_index,value_int,value_float,value_text\nItem 1,2,1,,x\n')
    seeds["tags_empty"] = csv_seed(("Item", "tags"), 'sep=,\nid,tag\n')
    seeds["levels_semicolon"] = csv_seed(("Item", "levels"), 'id;level\nItem 1;High\nItem 2;low\n', enums=True)
    seeds["files_group"] = csv_seed(("Item", "files"), 'inflow\nx\n')
    seeds["bom_and_cr"] = csv_seed(("Shipment", ""), b'\xef\xbb\xbflabel,item_id\r\nS,Item 2\r\n\r\n')
    return seeds


def write(directory, seeds, suffix=""):
    path = os.path.join(CORPUS, directory)
    os.makedirs(path, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(path, name + suffix), "wb") as f:
            f.write(data)


def main():
    write("elements", element_seeds(), ".bin")
    write("csv_import", csv_seeds(), ".bin")
    print("seeds written to", CORPUS)


if __name__ == "__main__":
    main()
