//! Each area's route table: a route is registered together with the access
//! it requires, so that the table the authorization test walks is the
//! router itself, never a list kept beside it by hand.

use axum::Router;
use axum::handler::Handler;
use axum::routing::MethodRouter;

use crate::state::AppState;

/// What a route requires of whoever asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (sign-in, the stylesheet, the setup link's own check).
    Public,
    /// A signed-in user.
    SignedIn,
    /// A signed-in user, even one whom the workspace still sends to set up
    /// a second factor before anything else (the set-up pages, signing out).
    Enrolling,
    /// A sign-in whose password was right and whose second factor is due
    /// (its own short-lived cookie): the code step. Signs no one in by itself.
    PendingSignIn,
    /// A signed-in user who sees the route's case (`CaseAccess<Member>`).
    Member,
    /// ... and whose role manages cases (`CaseAccess<Manager>`).
    Manager,
    /// An administrator (`Admin`).
    Admin,
    /// A calendar feed's own secret token in the address.
    FeedToken,
    /// A client intake link's own secret token in the address (`/i/{token}`):
    /// no account, no session; the pages of one case's intake only.
    IntakeToken,
    /// An API bearer token.
    Api,
    /// An API bearer token whose user sees the route's case.
    ApiMember,
}

/// One registered route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: &'static str,
    pub path: String,
    pub access: Access,
}

/// A router being built, and its table.
#[derive(Default)]
pub struct Routes {
    paths: Vec<(&'static str, MethodRouter<AppState>)>,
    table: Vec<Route>,
}

impl Routes {
    pub fn new() -> Routes {
        Routes::default()
    }

    fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        access: Access,
        add: impl FnOnce(MethodRouter<AppState>) -> MethodRouter<AppState>,
    ) -> Routes {
        match self.paths.iter_mut().find(|(p, _)| *p == path) {
            Some((_, m)) => *m = add(std::mem::take(m)),
            None => self.paths.push((path, add(MethodRouter::new()))),
        }
        self.table.push(Route {
            method,
            path: path.to_string(),
            access,
        });
        self
    }

    /// A GET route (HEAD answered alike).
    pub fn get<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        access: Access,
        handler: H,
    ) -> Routes {
        self.add("GET", path, access, |m| m.get(handler))
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        access: Access,
        handler: H,
    ) -> Routes {
        self.add("POST", path, access, |m| m.post(handler))
    }

    /// Routes of another area (or one nested under a prefix, with its table).
    pub fn merge(mut self, other: Routes) -> Routes {
        self.paths.extend(other.paths);
        self.table.extend(other.table);
        self
    }

    /// The router, and the table of what it routes.
    pub fn into_parts(self) -> (Router<AppState>, Vec<Route>) {
        let router = self
            .paths
            .into_iter()
            .fold(Router::new(), |r, (path, m)| r.route(path, m));
        (router, self.table)
    }

    /// Adds routes built elsewhere (the API's, by its OpenAPI router) with their table.
    pub fn with_table(mut self, table: Vec<Route>) -> Routes {
        self.table.extend(table);
        self
    }
}
