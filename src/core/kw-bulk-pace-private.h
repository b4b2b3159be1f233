/* kw-bulk-pace-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The adaptive pace of a bulk reset, implemented in kw-bulk-pace.c: plain
 * state and arithmetic, no timers and no I/O. Times are monotonic, in
 * microseconds (g_get_monotonic_time()), and always passed in. */
typedef struct _KwBulkPace KwBulkPace;

KwBulkPace *kw_bulk_pace_new             (void);
void        kw_bulk_pace_free            (KwBulkPace *self);
/* A run starts at full speed again, but keeps the answers of the last
 * second. */
void        kw_bulk_pace_restart         (KwBulkPace *self,
                                          gint64      now);
/* An answer that used a token of the service's quota. */
void        kw_bulk_pace_record_accepted (KwBulkPace *self,
                                          gint64      now);
/* A throttled answer to a request sent at @sent_us. */
void        kw_bulk_pace_slow_down       (KwBulkPace *self,
                                          gint64      sent_us,
                                          gint64      now);
/* Milliseconds the next request must wait (rounded up), 0 if it may go now.
 * A request held back lets the pace grow when it goes out. */
guint       kw_bulk_pace_hold_back       (KwBulkPace *self,
                                          gint64      now);
/* A request goes out now. */
void        kw_bulk_pace_advance         (KwBulkPace *self,
                                          gint64      now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwBulkPace, kw_bulk_pace_free)

/* The estimate of the time left, also in kw-bulk-pace.c: the rate at which
 * rows ended over the last 30 seconds of the run, on a clock that stops
 * while the run is paused. */
typedef struct _KwBulkEta KwBulkEta;

KwBulkEta  *kw_bulk_eta_new              (void);
void        kw_bulk_eta_free             (KwBulkEta  *self);
/* A run starts: what the last one measured is forgotten; the clock runs. */
void        kw_bulk_eta_start            (KwBulkEta  *self,
                                          gint64      now);
void        kw_bulk_eta_pause            (KwBulkEta  *self,
                                          gint64      now);
void        kw_bulk_eta_resume           (KwBulkEta  *self,
                                          gint64      now);
void        kw_bulk_eta_row_ended        (KwBulkEta  *self,
                                          gint64      now);
/* Seconds until @remaining more rows have ended, or -1 when too few rows
 * ended in the window to tell; 0 when nothing remains. */
double      kw_bulk_eta_seconds_left     (KwBulkEta  *self,
                                          guint       remaining,
                                          gint64      now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwBulkEta, kw_bulk_eta_free)

G_END_DECLS
