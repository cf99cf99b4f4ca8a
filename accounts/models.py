"""Customer accounts: sign-up, login, the account page, saved addresses."""
