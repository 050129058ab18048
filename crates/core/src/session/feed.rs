//! Run B fed from elsewhere: while a comparison plays fast, a worker thread runs a twin of run B
//! ahead and hands its state over in slices; run A advances here alone, and B takes each handover
//! that continues it — never past A. One mechanism, one name: the *feed* (the worker's session is
//! B's *twin*, each slice of state a *handover*).

use super::{Session, StepError, TraceSettings};
use crate::experiment::HandoverError;
use crate::protocol::Experiment;
use crate::schema::Input;

/// Whether run B is fed, and by which feed.
#[derive(Clone, Debug, Default)]
pub(super) struct Feed {
    /// The feed in progress, if any.
    current: Option<u32>,
    /// Feeds started so far (so a handover from an ended feed is recognised and ignored).
    started: u32,
}

impl Feed {
    /// Whether run B is being fed (and so must not be brought level here).
    pub(super) fn active(&self) -> bool {
        self.current.is_some()
    }

    /// Ends the feed without bringing B level: for changes that replace run B.
    pub(super) fn drop(&mut self) {
        self.current = None;
    }
}

/// What a worker needs to run a comparison's run B ahead: see [`Session::start_feed`].
#[derive(Clone, Debug, PartialEq)]
pub struct FeedStart {
    /// The feed's number; handovers of another feed are ignored.
    pub feed: u32,
    /// Run B's protocol alone, as a link for [`Session::twin`].
    pub link: String,
    /// Run B's handover, to continue from.
    pub state: Vec<f64>,
    /// How this session records traces, for the twin to record the same.
    pub traces: TraceSettings,
}

impl Session {
    /// Starts feeding run B from elsewhere: from now on A advances alone and B takes the
    /// handovers given to [`Session::feed_b`] — each continuing B from where it is, never past A
    /// — until [`Session::stop_feed`] (or any change to the session) brings B level with A
    /// itself. Returns the feed's number, B's link (its protocol alone, for a twin to open) and
    /// B's handover to start from; `None` when not comparing or B cannot be handed over.
    pub fn start_feed(&mut self) -> Option<FeedStart> {
        self.settle();
        let b = self.b.as_ref()?;
        let state = b.handover(b.trials_done())?;
        let link = crate::permalink::encode(None, &Experiment::single(b.protocol()), &[]);
        self.feed.started = self.feed.started.wrapping_add(1);
        self.feed.current = Some(self.feed.started);
        Some(FeedStart {
            feed: self.feed.started,
            link,
            state,
            traces: self.traces,
        })
    }

    /// The number of the feed in progress, if any.
    pub fn feeding(&self) -> Option<u32> {
        self.feed.current
    }

    /// Takes a handover for run B from feed `feed`. Returns `Ok(false)` (and changes nothing)
    /// if that feed has ended or the handover does not continue B from where it is; an error if
    /// it is malformed or would take B past A (the feed then ends).
    pub fn feed_b(&mut self, feed: u32, words: &[f64]) -> Result<bool, String> {
        if self.feed.current != Some(feed) {
            return Ok(false);
        }
        let a_done = self.a.trials_done();
        let Some(b) = &mut self.b else {
            return Ok(false);
        };
        match b.take_handover_until(words, a_done) {
            Ok(()) => Ok(true),
            Err(HandoverError::NotContinuing { .. }) => Ok(false),
            Err(e) => {
                self.settle();
                Err(format!("run B: {e}"))
            }
        }
    }

    /// Ends the feed (if any) and brings run B level with run A here.
    pub fn stop_feed(&mut self) -> Result<(), StepError> {
        self.feed.drop();
        self.keep_up()
    }

    /// Ends any feed and brings B level with A before a change. A divergence of B found on the
    /// way is kept in B and reported by the next step, as it would have been without the feed.
    pub(super) fn settle(&mut self) {
        if self.feed.active() {
            let _ = self.stop_feed();
        }
    }

    /// A session that continues the run of `link` from a handover (a worker's twin of run B;
    /// see [`Session::start_feed`]).
    pub fn twin(link: &str, words: &[f64]) -> Result<Session, String> {
        let mut s = Session::new(std::iter::empty::<(&str, Input)>()).map_err(|e| e.to_string())?;
        s.open_permalink(link).map_err(|e| e.to_string())?;
        s.a.resume_from(words).map_err(|e| e.to_string())?;
        Ok(s)
    }
}
