// Umbrella header: the database, its element builder and the export macro.
#ifndef QUIVER_H
#define QUIVER_H

#include "quiver/database.h"
#include "quiver/element.h"
#include "quiver/export.h"

#endif  // QUIVER_H
