//! Where akhbar keeps its files by default (XDG on Unix, the usual folders
//! on Windows), so every entry point agrees on them.

use std::path::PathBuf;

use etcetera::{BaseStrategy, choose_base_strategy};

/// The database used when neither `--db` nor `AKHBAR_DB` names one:
/// `$XDG_DATA_HOME/akhbar/akhbar.db` (usually `~/.local/share/akhbar/`).
pub fn default_db() -> anyhow::Result<PathBuf> {
    Ok(data_dir()?.join("akhbar.db"))
}

/// The database the demo reads and writes, apart from the user's own.
pub fn demo_db() -> anyhow::Result<PathBuf> {
    Ok(data_dir()?.join("demo.db"))
}

/// akhbar's data directory (`$XDG_DATA_HOME/akhbar`).
pub fn data_dir() -> anyhow::Result<PathBuf> {
    let base = choose_base_strategy()
        .map_err(|e| anyhow::anyhow!("cannot find the home directory: {e}"))?;
    Ok(base.data_dir().join("akhbar"))
}

/// akhbar's configuration directory (`$XDG_CONFIG_HOME/akhbar`), which
/// holds `config.toml` and user themes.
pub fn config_dir() -> anyhow::Result<PathBuf> {
    let base = choose_base_strategy()
        .map_err(|e| anyhow::anyhow!("cannot find the home directory: {e}"))?;
    Ok(base.config_dir().join("akhbar"))
}
