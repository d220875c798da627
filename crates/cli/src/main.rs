//! `refuge`: the command line of Refuge.

mod alloc;
mod rescreen;
mod users;

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use refuge_application::CaseDocument;
use refuge_engine::{Case, Law, assess};

/// Refuge: prepare United States asylum cases with an explained, cited law engine.
///
/// Refuge supports, and does not replace, the judgment of a qualified
/// immigration attorney or accredited representative.
///
/// Reference (in the repository): docs/facts.md (the facts document),
/// docs/application.md (the application document), docs/checks.md (the
/// readiness checks),
/// docs/output.md (the output), docs/findings.md (every finding, relief and
/// warning, with its law), docs/deadlines.md (every date), docs/csv.md (the
/// screening columns).
#[derive(Parser)]
#[command(name = "refuge", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Assess one case: facts (JSON, docs/facts.md) in, the determination out.
    ///
    /// Exit codes: 0 assessed; 2 the facts have an error (the message names the
    /// field), or the file cannot be read.
    Assess {
        /// The facts document; `-` reads standard input.
        file: String,
        /// json (the contract of docs/output.md), text (a memo), html (a
        /// standalone page) or pdf (the memo as a PDF, with -o).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The date that stands in for `as_of` when the facts give none (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = refuge_engine::facts::parse_date)]
        today: Option<Date>,
        #[command(flatten)]
        doc: DocArgs,
    },
    /// Check an asylum application (Form I-589) before filing: the case
    /// document (JSON, docs/application.md: the facts and the application) in,
    /// every readiness check of docs/checks.md out.
    ///
    /// Exit codes: 0 nothing blocks filing (warnings may remain); 1 a blocking
    /// check tripped; 2 the document has an error (the message names the
    /// field), or the file cannot be read.
    Check {
        /// The case document; `-` reads standard input.
        file: String,
        /// json (docs/checks.md), text (a memo) or pdf (the form's answers,
        /// item by item, with the blocking problems on a cover page; with -o).
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// The date that stands for the present when the facts give no `as_of` (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = refuge_engine::facts::parse_date)]
        today: Option<Date>,
        #[command(flatten)]
        doc: DocArgs,
    },
    /// A first draft of the client's declaration from a case document (JSON,
    /// docs/application.md): the facts the case holds, the timeline's events
    /// in date order, and [bracketed] placeholders for what only the client
    /// can say; the late-filing section only when the filing is late. It
    /// never invents a fact.
    ///
    /// Exit codes: 0 written; 2 the document has an error (the message names
    /// the field), or the file cannot be read.
    Declaration {
        /// The case document; `-` reads standard input.
        file: String,
        /// md (Markdown, to edit) or pdf (with -o).
        #[arg(long, value_enum, default_value_t = DeclarationFormat::Md)]
        format: DeclarationFormat,
        /// The date that stands for the present when the facts give no `as_of` (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = refuge_engine::facts::parse_date)]
        today: Option<Date>,
        #[command(flatten)]
        doc: DocArgs,
    },
    /// The rules as an auditing attorney reads them: every finding with its
    /// question and citations, every parameter with its value, dates and source.
    Law {
        #[arg(long, value_enum, default_value_t = LawFormat::Text)]
        format: LawFormat,
    },
    /// Screen a whole caseload (CSV or JSON Lines), fast: one line of outcomes,
    /// deadlines and open questions per person, and a summary.
    Screen(refuge_screen::ScreenArgs),
    /// Run the case workspace: a private web application on this machine
    /// (SQLite in ./refuge-data by default; PostgreSQL with --database).
    ///
    /// On the first start with an empty database it prints a one-time link
    /// to create the administrator.
    Serve(refuge_web::ServeArgs),
    /// Manage the workspace's users from the command line.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens (for `Authorization: Bearer TOKEN` on /api/v1).
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Back up the workspace's SQLite database into FILE, while the server
    /// runs: a consistent copy of every case, note, user and audit entry
    /// committed when the backup began.
    ///
    /// FILE is written under a temporary name, checked, then renamed: a
    /// failed backup leaves nothing behind. It is readable by its owner alone
    /// (0600): it holds confidential asylum information (8 C.F.R. § 208.6);
    /// store it accordingly. There are no uploaded files yet; the database is
    /// the whole workspace. The encryption key (refuge.key) is not in the
    /// backup and is needed to read it: back it up separately, and keep it
    /// apart from the backups. For PostgreSQL (--database), use pg_dump.
    Backup {
        /// The backup file to write.
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        store: refuge_web::StoreArgs,
    },
    /// Re-assess every case of the workspace under this version's law and
    /// rules, as the server does at start: a case assessed under another
    /// version (or never) is assessed again, and each case whose reliefs,
    /// deadlines (date, status, fee) or warnings moved gets a change record
    /// naming what moved and why (a parameter with its old and new values
    /// and source, or the findings a change of the rules moved). Prints a
    /// summary. Safe to stop and run again: a case done is not done twice.
    Rescreen {
        /// Compute and print the summary; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        store: refuge_web::StoreArgs,
    },
    /// The key that encrypts the narratives at rest (facts and their
    /// versions, notes, the search's text, second-factor keys).
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Restore a backup made by `refuge backup` as the workspace's database.
    ///
    /// Stop the server first. FILE must be a sound Refuge database (SQLite's
    /// integrity check passes, and its schema is this version's or an
    /// older one's, which the server brings up to date); otherwise nothing
    /// changes. A database already there is replaced only with --force, and
    /// kept beside it as refuge.db.before-restore-<time>. For PostgreSQL
    /// (--database), use pg_restore or psql.
    Restore {
        /// The backup file to read.
        file: PathBuf,
        /// Replace the existing database (it is kept, renamed).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        store: refuge_web::StoreArgs,
    },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Rotate the encryption key: a new key, every encrypted value (and any
    /// left unencrypted from before encryption) encrypted with it in one
    /// transaction, the old key kept beside it as refuge.key.old-<time>
    /// (readable by its owner alone) until you delete it.
    ///
    /// Stop the server first. Safe to run again if cut short: the new key is
    /// written (refuge.key.next) before any value is encrypted with it, and
    /// every reader accepts both keys until the rotation ends.
    Rotate {
        #[command(flatten)]
        store: refuge_web::StoreArgs,
    },
    /// Print a new random key (base64), for REFUGE_KEY or a key file.
    New,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; the password is read from standard input (one line).
    Add {
        name: String,
        #[arg(long, value_parser = parse_role)]
        role: refuge_web::Role,
        #[command(flatten)]
        store: refuge_web::StoreArgs,
    },
    /// Remove user NAME's second factor (a lost phone and lost recovery
    /// codes): they sign in with their password alone until they set up a
    /// new one. Recorded in the audit log.
    ResetSecondFactor {
        name: String,
        #[command(flatten)]
        store: refuge_web::StoreArgs,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Make an API token for user NAME and print it (only its hash is kept).
    New {
        name: String,
        /// What the token is for, shown in Settings.
        #[arg(long, default_value = "command line")]
        label: String,
        #[command(flatten)]
        store: refuge_web::StoreArgs,
    },
}

/// Where a view goes, and what a PDF's header shows.
#[derive(clap::Args)]
struct DocArgs {
    /// Write to FILE instead of standard output (written whole, or not at all).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// The case number, in the header of every page of a PDF.
    #[arg(long, value_name = "NUMBER")]
    case_number: Option<String>,
    /// The client's name, on a PDF's first page.
    #[arg(long, value_name = "NAME")]
    client_name: Option<String>,
    /// Also put the client's name in the header of every page of a PDF (by
    /// default a page seen alone names no one: 8 C.F.R. § 208.6).
    #[arg(long)]
    name_in_header: bool,
    /// The language of a PDF (en, es; English by default): for the memo,
    /// its headings, reliefs, dates and questions (the legal reasoning stays
    /// in English); for the I-589 answers, their headings only (the answers
    /// are filed in English).
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    lang: Option<refuge_documents::Lang>,
}

/// A shipped language by its code, or the choices.
fn parse_lang(code: &str) -> Result<refuge_documents::Lang, String> {
    refuge_documents::Lang::parse(code).ok_or_else(|| {
        let all: Vec<&str> = refuge_documents::Lang::all().map(|l| l.code()).collect();
        format!("no language \"{code}\"; choose one of {}", all.join(", "))
    })
}

impl DocArgs {
    /// `--lang` is for a PDF: refused with another format rather than ignored.
    fn lang_for(&self, pdf: bool) -> anyhow::Result<()> {
        if self.lang.is_some() && !pdf {
            anyhow::bail!("--lang: only the PDF is written in another language (add --format pdf)");
        }
        Ok(())
    }

    /// The header and title block a document shows (no "prepared by": the
    /// command line has no user).
    fn options(&self) -> refuge_documents::DocOptions<'_> {
        refuge_documents::DocOptions {
            case_number: self.case_number.as_deref(),
            client_name: self.client_name.as_deref(),
            name_in_header: self.name_in_header,
            prepared_by: None,
            lang: self.lang.unwrap_or_default(),
        }
    }

    /// A PDF is refused, before any work, when it would go to a terminal.
    fn pdf_allowed(&self) -> anyhow::Result<()> {
        if self.output.is_none() && std::io::stdout().is_terminal() {
            anyhow::bail!(
                "--format pdf writes a binary file: give -o FILE (for example -o memo.pdf), or redirect standard output to a file"
            );
        }
        Ok(())
    }

    /// Writes `out` to the output file or standard output. A PDF is never
    /// written to a terminal.
    fn write(&self, out: &[u8], pdf: bool) -> anyhow::Result<()> {
        match &self.output {
            Some(path) => write_file(path, out),
            None if pdf => {
                self.pdf_allowed()?;
                write_stdout_bytes(out)
            }
            None => write_stdout_bytes(out),
        }
    }
}

fn parse_role(s: &str) -> Result<refuge_web::Role, String> {
    s.parse()
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
    Html,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Json,
    Text,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum)]
enum DeclarationFormat {
    Md,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum)]
enum LawFormat {
    Text,
    Json,
}

// An assessment makes many small strings; mimalloc serves them about a third
// faster than the system allocator and scales across threads (`refuge screen`).
#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("refuge: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let law = Law::embedded();
    match cli.command {
        Command::Assess {
            file,
            format,
            today: day,
            doc,
        } => {
            doc.lang_for(matches!(format, Format::Pdf))?;
            if matches!(format, Format::Pdf) {
                doc.pdf_allowed()?;
            }
            let case =
                match read_document(&file, |t| Case::from_json(t, day.unwrap_or_else(today)))? {
                    Ok(c) => c,
                    Err(code) => return Ok(code),
                };
            let a = assess(&case, law);
            let out = match format {
                Format::Json => json_out(&a, refuge_engine::json::to_string)?,
                Format::Text => refuge_report::text(&a),
                Format::Html => refuge_report::html(&a),
                Format::Pdf => {
                    let pdf = refuge_documents::memo_pdf(&a, &doc.options())?;
                    doc.write(&pdf, true)?;
                    return Ok(ExitCode::SUCCESS);
                }
            };
            doc.write(out.as_bytes(), false)?;
        }
        Command::Check {
            file,
            format,
            today: day,
            doc: args,
        } => {
            args.lang_for(matches!(format, CheckFormat::Pdf))?;
            if matches!(format, CheckFormat::Pdf) {
                args.pdf_allowed()?;
            }
            let doc =
                // The system's date only when the document gives no `as_of`.
                match read_document(&file, |t| {
                    CaseDocument::from_json_with(t, || day.unwrap_or_else(today))
                })? {
                    Ok(d) => d,
                    Err(code) => return Ok(code),
                };
            let r = refuge_application::check(&doc, law);
            let out = match format {
                CheckFormat::Json => json_out(&r, |r| {
                    serde_json::to_string(r).expect("a readiness serialises")
                })?,
                CheckFormat::Text => refuge_application::output::text(&r),
                CheckFormat::Pdf => {
                    let pdf = refuge_documents::answers_pdf(&doc, &r, &args.options())?;
                    args.write(&pdf, true)?;
                    return Ok(ExitCode::from(if r.ready { 0 } else { 1 }));
                }
            };
            args.write(out.as_bytes(), false)?;
            if !r.ready {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Declaration {
            file,
            format,
            today: day,
            doc: args,
        } => {
            if args.lang.is_some() {
                anyhow::bail!(
                    "--lang: the declaration is drafted in English, the language it is filed in; read it to the client in theirs"
                );
            }
            if matches!(format, DeclarationFormat::Pdf) {
                args.pdf_allowed()?;
            }
            let doc = match read_document(&file, |t| {
                CaseDocument::from_json_with(t, || day.unwrap_or_else(today))
            })? {
                Ok(d) => d,
                Err(code) => return Ok(code),
            };
            let opts = refuge_documents::DeclarationOptions {
                doc: args.options(),
                country_name: Some(refuge_web::facts::form::country_name),
            };
            let d = refuge_documents::declaration(&doc, &assess(doc.case(), law), &opts);
            match format {
                DeclarationFormat::Md => args.write(d.markdown(&opts.doc).as_bytes(), false)?,
                DeclarationFormat::Pdf => {
                    args.write(&refuge_documents::declaration_pdf(&d, &opts.doc)?, true)?
                }
            }
        }
        Command::Law { format } => {
            let out = match format {
                LawFormat::Text => refuge_report::law_text(law, today()),
                LawFormat::Json => {
                    serde_json::to_string_pretty(&refuge_report::law_json(law))? + "\n"
                }
            };
            write_stdout(&out)?;
        }
        Command::Screen(args) => return Ok(refuge_screen::run(&args, law, today)?),
        Command::Serve(args) => refuge_web::block_on(refuge_web::serve(&args))??,
        Command::User {
            command: UserCommand::Add { name, role, store },
        } => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("cannot read the password from standard input")?;
            let password = line.trim_end_matches(['\r', '\n']);
            refuge_web::block_on(users::add_user(&store, &name, role, password))??;
            eprintln!("refuge: user {name} added as {}", role.as_str());
        }
        Command::User {
            command: UserCommand::ResetSecondFactor { name, store },
        } => {
            refuge_web::block_on(users::reset_second_factor(&store, &name))??;
            eprintln!("refuge: the second factor of {name} is removed");
        }
        Command::Token {
            command: TokenCommand::New { name, label, store },
        } => {
            let token = refuge_web::block_on(users::new_token(&store, &name, &label))??;
            write_stdout(&format!("{token}\n"))?;
        }
        Command::Rescreen { dry_run, store } => {
            let summary = refuge_web::block_on(rescreen::rescreen(&store, dry_run, today()))??;
            write_stdout(&summary)?;
        }
        Command::Backup { file, force, store } => {
            refuge_web::block_on(refuge_web::backup::backup(&store, &file, force))??;
            eprintln!("refuge: backed up into {}", file.display());
        }
        Command::Keys {
            command: KeysCommand::New,
        } => write_stdout(&format!(
            "{}\n",
            refuge_web::crypt::Key::generate().encode()
        ))?,
        Command::Keys {
            command: KeysCommand::Rotate { store },
        } => {
            let done = refuge_web::block_on(refuge_web::keys::rotate(&store))??;
            for c in &done.resealed.columns {
                eprintln!(
                    "refuge: {}: {} values, {} re-encrypted from the old key, {} encrypted from plaintext",
                    c.column, c.total, c.older_key, c.plaintext
                );
            }
            eprintln!(
                "refuge: every value is encrypted with the new key {}, now in {}",
                done.new_id,
                done.key_file.display()
            );
            if let Some((id, kept)) = done.old {
                eprintln!(
                    "refuge: the old key {id} is kept as {}: it no longer opens anything written from now on; \
                     delete it once no backup you keep needs it (a backup is read with the key of its day)",
                    kept.display()
                );
            }
        }
        Command::Restore { file, force, store } => {
            let done = refuge_web::block_on(refuge_web::backup::restore(&store, &file, force))??;
            eprintln!(
                "refuge: restored {} as {}",
                file.display(),
                done.db.display()
            );
            if let Some(kept) = done.kept {
                eprintln!(
                    "refuge: the database it replaced is kept as {}",
                    kept.display()
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads FILE (`-`: standard input) and parses it with `parse`. A document
/// with an error is reported, naming the field, and answered with exit code
/// 2 (`Err`); a file that cannot be read is an error.
fn read_document<T>(
    file: &str,
    parse: impl FnOnce(&str) -> Result<T, refuge_engine::InputError>,
) -> anyhow::Result<Result<T, ExitCode>> {
    let text = read_input(file)?;
    Ok(parse(&text).map_err(|e| {
        eprintln!("refuge: {file}: {e}");
        ExitCode::from(2)
    }))
}

/// JSON indented for a person at a terminal; compact (and faster) for programs.
fn json_out<T: serde::Serialize>(
    value: &T,
    compact: impl FnOnce(&T) -> String,
) -> anyhow::Result<String> {
    Ok(if std::io::stdout().is_terminal() {
        serde_json::to_string_pretty(value)? + "\n"
    } else {
        compact(value) + "\n"
    })
}

fn read_input(file: &str) -> anyhow::Result<String> {
    let mut text = String::new();
    if file == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
    } else {
        let path = PathBuf::from(file);
        text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(text)
}

/// Writes FILE whole: under a temporary name beside it, then renamed, so a
/// failure leaves no half-written file.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.refuge-tmp"));
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            std::fs::remove_file(&tmp).ok();
        })
        .with_context(|| format!("cannot write {}", path.display()))
}

fn write_stdout(s: &str) -> anyhow::Result<()> {
    write_stdout_bytes(s.as_bytes())
}

fn write_stdout_bytes(s: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s).and_then(|_| out.flush()) {
        // A closed pipe (`refuge … | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.context("cannot write to standard output"),
    }
}
