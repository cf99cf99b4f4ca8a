// Vitrina
