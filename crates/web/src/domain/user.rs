//! What a user name and a new password must be.

/// The longest user name, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// Checks a new password: at least 10 characters (NIST SP 800-63B asks for 8 at least).
pub fn check_new_password(password: &str) -> Result<(), String> {
    if password.chars().count() < 10 {
        return Err("must be at least 10 characters long".into());
    }
    Ok(())
}

/// Checks a new user name: 1 to 64 letters, digits, `.`, `-`, `_` or `@`.
pub fn check_user_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'));
    if ok {
        Ok(())
    } else {
        Err("use 1 to 64 letters, digits, '.', '-', '_' or '@'".into())
    }
}
