// SchemaValidator: checks a Schema against Quiver's conventions.
#ifndef QUIVER_SCHEMA_VALIDATOR_H
#define QUIVER_SCHEMA_VALIDATOR_H

#include "quiver/export.h"
#include "quiver/schema.h"

namespace quiver {

class QUIVER_API SchemaValidator {
public:
    explicit SchemaValidator(const Schema& schema);
    // Throws "Schema validation error: <rule message>" for the first violated rule.
    void validate();

private:
    const Schema& schema_;
};

}  // namespace quiver

#endif  // QUIVER_SCHEMA_VALIDATOR_H
