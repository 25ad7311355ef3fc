//! The Commons Chain node (`commons-node`).

#![warn(missing_docs)]
// The node's commands and service return `sc_cli::Error` and `sc_service::Error`, which are
// large; they are returned once, when the node stops, so their size costs nothing.
#![allow(clippy::result_large_err, reason = "the error types of sc-cli and sc-service")]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
