//! A real HTTP/1.1 server on 127.0.0.1 (`axum::serve`) and a hyper client connection to it:
//! what the vendors' deliveries go through, without leaving the machine.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::StatusCode;
use hyper::body::Frame;
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A request body, as the client sends it.
pub type Body = BoxBody<Bytes, Infallible>;

/// A server running a router on a free port of 127.0.0.1.
pub struct Server {
    pub addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

/// Serves `router` on 127.0.0.1, on a port the system picks.
pub async fn serve(router: Router) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    Server { addr, stop, task }
}

impl Server {
    /// Stops accepting connections and waits for the open ones to finish (close the clients
    /// first).
    pub async fn stop(self) {
        let _ = self.stop.send(());
        self.task.await.unwrap().unwrap();
    }
}

/// One keep-alive HTTP/1.1 connection.
pub struct Client {
    addr: SocketAddr,
    sender: SendRequest<Body>,
}

/// An answer: its status and its text.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub text: String,
}

/// Opens a connection to `addr`.
pub async fn connect(addr: SocketAddr) -> Client {
    let stream = TcpStream::connect(addr).await.unwrap();
    stream.set_nodelay(true).unwrap();
    let (sender, connection) = http1::handshake(TokioIo::new(stream)).await.unwrap();
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Client { addr, sender }
}

impl Client {
    /// Sends a request, waiting for the connection to be ready first.
    pub async fn send(&mut self, request: hyper::Request<Body>) -> hyper::Result<Answer> {
        self.sender.ready().await?;
        let response = self.sender.send_request(request).await?;
        let status = response.status();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok(Answer {
            status,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        })
    }

    /// `POST path` with these headers and a body with a `Content-Length`.
    pub async fn post(
        &mut self,
        path: &str,
        headers: &[(&str, &str)],
        body: impl Into<Bytes>,
    ) -> Answer {
        let request = request(self.addr, path, headers, full(body));
        self.send(request).await.unwrap()
    }
}

/// A `POST` request for `path`.
pub fn request(
    addr: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    body: Body,
) -> hyper::Request<Body> {
    let mut builder = hyper::Request::post(path).header("host", addr.to_string());
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body).unwrap()
}

/// A body sent whole, with a `Content-Length`.
pub fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into()).boxed()
}

/// A body sent in these chunks (`Transfer-Encoding: chunked`, no `Content-Length`).
pub fn chunked(chunks: Vec<Bytes>) -> Body {
    Chunks(chunks.into()).boxed()
}

/// A body of which no byte is ever sent: for answers that must come before the body is read.
/// Give the request a `Content-Length`.
pub fn stalled() -> Body {
    Stalled.boxed()
}

struct Chunks(VecDeque<Bytes>);

impl hyper::body::Body for Chunks {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.0.pop_front().map(|chunk| Ok(Frame::data(chunk))))
    }
}

struct Stalled;

impl hyper::body::Body for Stalled {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Pending
    }
}
