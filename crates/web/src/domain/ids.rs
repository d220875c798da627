//! Typed ids: a case's, a user's and an API token's ids are different types,
//! so that storage and handlers cannot take one for another (two `&str`
//! arguments swap silently; a `&CaseId` and a `&UserId` do not compile).
//! Each is the random hex id the store made ([`crate::secret::random_id`]).

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, sqlx::Type)]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(String);

        impl $name {
            /// An id as given (an address's path, a form): whether it names
            /// anything is for storage to say.
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        /// Read as text anywhere (addresses, templates); but text is never
        /// taken for an id without [`new`](Self::new).
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id!(
    /// A case's id, in its addresses (`/cases/{id}`).
    CaseId
);
id!(
    /// A user's id.
    UserId
);
id!(
    /// An API token's id (its secret is never stored, only its hash).
    TokenId
);
