/* bench-startup-minimal.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The yardstick for bench-startup.sh: the least a libadwaita program can
 * show, one AdwApplicationWindow with an AdwHeaderBar and nothing else.
 * Keyway's startup time and memory are measured against this. */

#include <adwaita.h>

static void
on_activate (GApplication *application,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* AdwApplicationWindow has no titlebar slot: the header bar goes in the
   * content, as in any libadwaita program. */
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  /* Unique, like Keyway, so that both pay for registering on the bus. */
  application = adw_application_new ("io.github.keyway.BenchStartupMinimal",
                                     G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
