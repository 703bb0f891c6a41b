// Placeholder until the CLI lands.
#include <cstdio>
int main() {
    std::puts("quiver_cli " QUIVER_VERSION);
    return 0;
}
