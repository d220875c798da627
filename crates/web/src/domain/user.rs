//! What a user name and a new password must be.

/// The longest user name, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// A rule a new user name or password breaks. Pages word it in the
/// reader's language ([`Rule::message_id`]); its `Display` is the English
/// (the command line's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    PasswordTooShort,
    PasswordOneCharacter,
    PasswordCommon,
    NameCharacters,
    NameMixedScripts,
}

impl Rule {
    /// The message that words the rule (`crates/i18n/locales/*/web-auth.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Rule::PasswordTooShort => "auth-rule-password-short",
            Rule::PasswordOneCharacter => "auth-rule-password-one-character",
            Rule::PasswordCommon => "auth-rule-password-common",
            Rule::NameCharacters => "auth-rule-name-characters",
            Rule::NameMixedScripts => "auth-rule-name-mixed-scripts",
        }
    }

    /// The rule in `lang`'s words.
    pub fn words(self, lang: refuge_i18n::Lang) -> String {
        refuge_i18n::tr(lang, self.message_id())
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(refuge_i18n::Lang::english()))
    }
}

/// Checks a new password: at least 10 characters (NIST SP 800-63B asks for 8 at least).
pub fn check_new_password(password: &str) -> Result<(), Rule> {
    if password.chars().count() < 10 {
        return Err(Rule::PasswordTooShort);
    }
    // NIST SP 800-63B § 5.1.1.2: refuse what is commonly used or expected.
    let mut chars = password.chars();
    let first = chars.next();
    if password.trim().is_empty() || chars.all(|c| Some(c) == first) {
        return Err(Rule::PasswordOneCharacter);
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.contains(&lower.as_str()) || is_run(&lower) {
        return Err(Rule::PasswordCommon);
    }
    Ok(())
}

/// Passwords of 10 characters or more that lead the lists of leaked ones
/// (SecLists' most common passwords, lower-cased).
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "0987654321",
    "12345678910",
    "123456789a",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "qwertyuiop",
    "asdfghjkl;",
    "zxcvbnm,./",
    "password12",
    "password123",
    "password1234",
    "iloveyou12",
    "qwerty1234",
    "qwerty12345",
    "abcdefghij",
    "abc1234567",
    "football12",
    "letmein123",
    "welcome123",
    "1111111111",
    "0000000000",
    "passw0rd123",
    "administrator",
    "adminadmin",
    "qwertyqwerty",
    "princess12",
    "sunshine12",
    "monkey1234",
    "dragon1234",
    "changeme123",
    "refugerefuge",
];

/// Whether a password is a run of consecutive digits or letters ("0123456789", "abcdefghijk").
fn is_run(p: &str) -> bool {
    let b = p.as_bytes();
    b.windows(2).all(|w| w[1] == w[0] + 1) || b.windows(2).all(|w| w[0] == w[1] + 1)
}

/// A user name as it is stored and looked up: NFKC-normalised (Unicode
/// Standard Annex #15), so that a name typed with compatibility forms
/// (full-width "ａｎａ", the ligature "ﬁ") is the same name.
pub fn normal_name(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    name.nfkc().collect()
}

/// Checks a new user name: 1 to 64 letters, digits, `.`, `-`, `_` or `@`,
/// after NFKC normalisation ([`normal_name`]). Returns the name to store.
pub fn check_user_name(name: &str) -> Result<String, Rule> {
    let name = normal_name(name);
    let name = name.as_str();
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'));
    if !ok {
        return Err(Rule::NameCharacters);
    }
    // A name that looks like another (issue 15: "аdmin" with a Cyrillic а):
    // letters of Latin script mixed with those of another are refused.
    let latin = |c: char| c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c);
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    if letters().any(latin) && !letters().all(latin) {
        return Err(Rule::NameMixedScripts);
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::{check_user_name, normal_name};

    #[test]
    fn a_name_typed_in_compatibility_forms_is_the_same_name() {
        assert_eq!(check_user_name("ａｎａ１").as_deref(), Ok("ana1"));
        assert_eq!(check_user_name("ﬁona").as_deref(), Ok("fiona"));
        assert_eq!(normal_name("ａｎａ"), normal_name("ana"));
        // A combining accent and its precomposed letter are one name.
        assert_eq!(normal_name("jose\u{301}"), normal_name("jos\u{e9}"));
    }

    #[test]
    fn a_name_that_could_pass_for_another_is_refused() {
        assert!(check_user_name("admin1").is_ok());
        assert!(
            check_user_name("josé.pérez").is_ok(),
            "Latin letters beyond ASCII"
        );
        assert!(check_user_name("мария").is_ok(), "one script");
        assert!(
            check_user_name("\u{0430}dmin1").is_err(),
            "a Cyrillic а among Latin letters"
        );
        assert!(check_user_name("ana maría").is_err(), "no spaces");
    }
}
