//! `refuge user add`, `refuge user reset-second-factor` and `refuge token
//! new`: the workspace's accounts from the command line (for a first
//! administrator without the setup link, an administrator locked out of
//! their second factor, or a script's API token). Every change is written to
//! the audit log.

use refuge_web::domain::AuditAction;
use refuge_web::domain::user::{check_new_password, check_user_name};
use refuge_web::store::{Audit, By};
use refuge_web::{Role, StoreArgs, secret};

/// `refuge user add NAME --role ROLE`: adds a user, the password read from
/// standard input (one line).
///
/// # Errors
/// A bad or taken name, a short password, or a database error.
pub async fn add_user(
    store: &StoreArgs,
    name: &str,
    role: Role,
    password: &str,
) -> anyhow::Result<()> {
    let name = &check_user_name(name).map_err(|e| anyhow::anyhow!("user name: {e}"))?;
    check_new_password(password).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let db = store.open().await?;
    let hash = secret::hash_password(password);
    let detail = format!("{name} added as {} (command line)", role.as_str());
    let audit = Audit::new(By::Nobody, None, AuditAction::UserAdd, detail);
    db.add_user(name, &hash, role, &audit)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}

/// `refuge user reset-second-factor NAME`: removes a user's second factor
/// (their secret and recovery codes), audited: for the last administrator
/// who lost both their phone and their recovery codes. They sign in with
/// the password alone (or are sent to set up a new one, if it is required).
///
/// # Errors
/// An unknown user, or a database error.
pub async fn reset_second_factor(store: &StoreArgs, name: &str) -> anyhow::Result<()> {
    let db = store.open().await?;
    let (user, _) = db
        .user_by_name(name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no user is named {name:?}"))?;
    let detail = format!("{name}: second factor reset (command line)");
    let audit = Audit::new(
        By::Nobody,
        None,
        AuditAction::PermissionSecondFactor,
        detail,
    );
    db.remove_second_factor(&user.id, &audit).await?;
    Ok(())
}

/// `refuge token new NAME`: a new API token for user NAME (printed once;
/// only its hash is kept).
///
/// # Errors
/// An unknown user, or a database error.
pub async fn new_token(store: &StoreArgs, name: &str, label: &str) -> anyhow::Result<String> {
    let db = store.open().await?;
    let (user, _) = db
        .user_by_name(name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no user is named {name:?}"))?;
    let token = secret::new_secret("rfg");
    let detail = format!("API token {label:?} created (command line)");
    let audit = Audit::new(By::User(&user), None, AuditAction::TokenNew, detail);
    db.add_api_token(&user.id, label, &secret::hash_secret(&token), &audit)
        .await?;
    Ok(token)
}
