// Placeholder until CSV lands.
