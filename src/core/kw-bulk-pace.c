/* kw-bulk-pace.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-pace-private.h"

/* Cognito's quotas are per account and per category of operation, and they
 * are shared with every other caller, so the dispatcher cannot know the rate
 * in advance: it learns it. Until the first throttled answer it sends as
 * fast as `concurrency` allows. A throttled answer sets a pace just under
 * the rate the service accepted over the last second (a multiplicative
 * decrease, once per round of requests), and while the pace is what holds
 * requests back it creeps up by 5 % a second (the additive increase), until
 * the next throttled answer. The service's quota is a token bucket, so the
 * tokens left unused while the pace is below the quota are spent when it
 * creeps above it: the run converges on the quota. When the service
 * accepted nothing at all (the quota was used up by someone else), there is
 * no rate to go by: the pace drops to its floor and doubles every second
 * until the next throttled answer gives one. The same goes for a rate
 * measured over less than a full window, such as a run that starts just
 * after another drained the bucket: a few answers in the first
 * milliseconds are a floor, not a rate, and creeping up from them by 5 % a
 * second would take minutes. */

/* The floor of the pace, in requests per second. */
#define MIN_RATE 1.0
/* A throttled answer sets the pace to this share of the accepted rate. */
#define DECREASE_FACTOR 0.9
/* How fast the pace grows while it is what holds requests back, per second
 * and relative to itself: 5 % after a measured decrease, and twice as fast
 * each second (e^0.69) while probing from the floor. Each request sent adds
 * the factor to the rate, which at R requests per second makes R × factor
 * per second. */
#define INCREASE_PER_SECOND 0.05
#define PROBE_INCREASE_PER_SECOND 0.69
/* The window over which the accepted rate is measured. */
#define WINDOW_US G_USEC_PER_SEC

/* The pace is learnt afresh in each run, which may come hours after the
 * last; the accepted answers of the last second are kept, so that a run
 * right after a cancel starts from what the service just accepted. */
struct _KwBulkPace
{
  double    rate;              /* requests per second; 0 until throttled */
  gint64    next_send_us;
  gint64    last_decrease_us;
  gboolean  waited;            /* the pace held the next request back */
  gboolean  probing;           /* the pace is not based on a measured rate */
  gint64    observed_since;    /* the first request of what the window covers; 0: none */
  GArray   *accepted_us;       /* when non-throttled answers came, last window */
};

KwBulkPace *
kw_bulk_pace_new (void)
{
  KwBulkPace *self = g_new0 (KwBulkPace, 1);

  self->accepted_us = g_array_new (FALSE, FALSE, sizeof (gint64));

  return self;
}

void
kw_bulk_pace_free (KwBulkPace *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->accepted_us, g_array_unref);
  g_free (self);
}

static void forget_old_answers (KwBulkPace *self,
                                gint64      now);

void
kw_bulk_pace_restart (KwBulkPace *self,
                      gint64      now)
{
  self->rate = 0;
  self->waited = FALSE;
  self->probing = FALSE;

  /* Answers from long ago are no measure: the window starts again. */
  forget_old_answers (self, now);
  if (self->accepted_us->len == 0)
    self->observed_since = 0;
}

static void
forget_old_answers (KwBulkPace *self,
                    gint64      now)
{
  guint old = 0;

  while (old < self->accepted_us->len &&
         g_array_index (self->accepted_us, gint64, old) <= now - WINDOW_US)
    old++;

  if (old > 0)
    g_array_remove_range (self->accepted_us, 0, old);
}

void
kw_bulk_pace_record_accepted (KwBulkPace *self,
                              gint64      now)
{
  forget_old_answers (self, now);
  g_array_append_val (self->accepted_us, now);
}

/* Requests per second the service accepted over the last window. */
static double
accepted_rate (KwBulkPace *self,
               gint64      now)
{
  forget_old_answers (self, now);

  return self->accepted_us->len * (double) G_USEC_PER_SEC / WINDOW_US;
}

void
kw_bulk_pace_slow_down (KwBulkPace *self,
                        gint64      sent_us,
                        gint64      now)
{
  double accepted;
  double base;

  /* The other requests of the round that drew this answer were sent at the
   * old pace: their throttled answers say nothing new. */
  if (self->rate > 0 && sent_us < self->last_decrease_us)
    return;

  accepted = accepted_rate (self, now);
  base = self->rate > 0 ? MIN (self->rate, accepted) : accepted;
  self->rate = MAX (MIN_RATE, base * DECREASE_FACTOR);
  self->probing = base * DECREASE_FACTOR < MIN_RATE ||
                  self->observed_since == 0 || now - self->observed_since < WINDOW_US;
  self->last_decrease_us = now;
  self->next_send_us = now + (gint64) (G_USEC_PER_SEC / self->rate);

  g_debug ("Bulk reset: throttled; %.1f requests/s accepted, pace now %.1f/s",
           accepted, self->rate);
}

guint
kw_bulk_pace_hold_back (KwBulkPace *self,
                        gint64      now)
{
  if (self->rate <= 0 || now >= self->next_send_us)
    return 0;

  self->waited = TRUE;

  return (guint) ((self->next_send_us - now + 999) / 1000);
}

void
kw_bulk_pace_advance (KwBulkPace *self,
                      gint64      now)
{
  gint64 interval;

  if (self->observed_since == 0)
    self->observed_since = now;

  if (self->rate <= 0)
    return;

  if (self->waited)
    {
      /* The pace is what holds requests back: probe upwards, but not far
       * past what the service has been seen to accept. */
      double ceiling = MAX (2 * accepted_rate (self, now), MIN_RATE);

      self->rate += self->probing ? PROBE_INCREASE_PER_SECOND : INCREASE_PER_SECOND;
      self->rate = MAX (MIN (self->rate, ceiling), MIN_RATE);
      self->waited = FALSE;
    }

  interval = (gint64) (G_USEC_PER_SEC / self->rate);
  /* A timer that fires late may catch up one interval, no more: a pause
   * while answers were awaited must not turn into a burst. */
  self->next_send_us = MAX (self->next_send_us, now - interval) + interval;
}

/* The time left. Rows end at the pace, but also in bursts (a round of
 * answers) and with gaps (a throttled round): the rate over a window of
 * half a minute smooths both without lagging far behind a change of pace. */

#define ETA_WINDOW_US (30 * G_USEC_PER_SEC)
#define ETA_MIN_ROWS 3

struct _KwBulkEta
{
  gint64  active_us;        /* run time before the last start or resume */
  gint64  running_since;    /* 0 while paused */
  GArray *ended_at;         /* run times at which rows ended, in the window */
};

KwBulkEta *
kw_bulk_eta_new (void)
{
  KwBulkEta *self = g_new0 (KwBulkEta, 1);

  self->ended_at = g_array_new (FALSE, FALSE, sizeof (gint64));

  return self;
}

void
kw_bulk_eta_free (KwBulkEta *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->ended_at, g_array_unref);
  g_free (self);
}

static gint64
eta_run_time (KwBulkEta *self,
              gint64     now)
{
  return self->active_us + (self->running_since > 0 ? now - self->running_since : 0);
}

void
kw_bulk_eta_start (KwBulkEta *self,
                   gint64     now)
{
  self->active_us = 0;
  self->running_since = now;
  g_array_set_size (self->ended_at, 0);
}

void
kw_bulk_eta_pause (KwBulkEta *self,
                   gint64     now)
{
  if (self->running_since == 0)
    return;

  self->active_us = eta_run_time (self, now);
  self->running_since = 0;
}

void
kw_bulk_eta_resume (KwBulkEta *self,
                    gint64     now)
{
  if (self->running_since == 0)
    self->running_since = now;
}

static void
eta_forget_old (KwBulkEta *self,
                gint64     run_time)
{
  guint old = 0;

  while (old < self->ended_at->len &&
         g_array_index (self->ended_at, gint64, old) <= run_time - ETA_WINDOW_US)
    old++;

  if (old > 0)
    g_array_remove_range (self->ended_at, 0, old);
}

void
kw_bulk_eta_row_ended (KwBulkEta *self,
                       gint64     now)
{
  gint64 run_time = eta_run_time (self, now);

  eta_forget_old (self, run_time);
  g_array_append_val (self->ended_at, run_time);
}

double
kw_bulk_eta_seconds_left (KwBulkEta *self,
                          guint      remaining,
                          gint64     now)
{
  gint64 run_time = eta_run_time (self, now);
  gint64 span;

  if (remaining == 0)
    return 0;

  eta_forget_old (self, run_time);
  span = MIN (run_time, ETA_WINDOW_US);
  if (self->ended_at->len < ETA_MIN_ROWS || span <= 0)
    return -1;

  return remaining * (span / (double) G_USEC_PER_SEC) / self->ended_at->len;
}
