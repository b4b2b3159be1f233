/* kw-helpdesk-window.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk-window.h"

#include "kw-audit-page.h"
#include "kw-bulk-page.h"
#include "kw-helpdesk-signin.h"
#include "kw-helpdesk-text.h"
#include "kw-helpdesk-users-page.h"

#include <glib/gi18n-lib.h>

struct _KwHelpdeskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkRevealer          *identity_revealer;
  GtkLabel             *identity_label;
  GtkStack             *main_stack;
  KwHelpdeskSignin     *signin;
  AdwViewStack         *view_stack;
  KwHelpdeskUsersPage  *users_page;

  /* Owned references */
  KwConnectionStore    *store_override;
  KwSecretStore        *secrets_override;
  KwAuditLog           *audit_log_override;
  KwAuditLog           *default_audit_log;  /* the person's own, made when first needed */
  KwAuditLog           *audit_log;          /* in use */
  KwDemo               *demo;
  KwHelpdeskSession    *session;
};

G_DEFINE_FINAL_TYPE (KwHelpdeskWindow, kw_helpdesk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_AUDIT_LOG,
  PROP_CONNECTION_STORE,
  PROP_SECRET_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
kw_helpdesk_window_is_closed (KwHelpdeskWindow *self)
{
  return self->main_stack == NULL;
}

/* The switcher is for choosing among pages, so it shows once there are two
 * of them, and only to someone signed in. */
static void
kw_helpdesk_window_update_switcher (KwHelpdeskWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  gboolean enabled;
  gboolean narrow;

  if (kw_helpdesk_window_is_closed (self))
    return;

  pages = adw_view_stack_get_pages (self->view_stack);
  enabled = self->session != NULL && g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, enabled);
  narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, enabled && narrow);
}

static void
switcher_changed_cb (KwHelpdeskWindow     *self,
                     GParamSpec           *pspec,
                     AdwViewSwitcherTitle *title)
{
  g_assert (KW_IS_HELPDESK_WINDOW (self));

  kw_helpdesk_window_update_switcher (self);
}

static void
kw_helpdesk_window_update_subtitle (KwHelpdeskWindow *self)
{
  KwConnection *connection = NULL;

  if (self->session != NULL)
    connection = kw_helpdesk_session_get_connection (self->session);
  else
    connection = kw_helpdesk_signin_get_connection (self->signin);

  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        connection != NULL ? kw_connection_get_name (connection)
                                                           : NULL);
}

static void
signin_connection_cb (KwHelpdeskWindow *self,
                      GParamSpec       *pspec,
                      KwHelpdeskSignin *signin)
{
  g_assert (KW_IS_HELPDESK_WINDOW (self));

  kw_helpdesk_window_update_subtitle (self);
}

static void
kw_helpdesk_window_set_session (KwHelpdeskWindow  *self,
                                KwHelpdeskSession *session)
{
  if (self->session == session)
    return;

  g_set_object (&self->session, session);

  if (!kw_helpdesk_window_is_closed (self))
    {
      if (session != NULL)
        {
          g_autofree char *identity = kw_helpdesk_describe_identity (session);

          gtk_label_set_text (self->identity_label, identity);
          gtk_stack_set_visible_child_name (self->main_stack, "work");
          gtk_widget_grab_focus (adw_view_stack_get_visible_child (self->view_stack));
        }
      else
        {
          gtk_stack_set_visible_child_name (self->main_stack, "signin");
          /* The form as the connection now is, and without secrets. */
          kw_helpdesk_signin_reload (self->signin);
        }

      gtk_revealer_set_reveal_child (self->identity_revealer, session != NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", session != NULL);
      kw_helpdesk_window_update_switcher (self);
      kw_helpdesk_window_update_subtitle (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
signed_in_cb (KwHelpdeskWindow  *self,
              KwHelpdeskSession *session,
              KwHelpdeskSignin  *signin)
{
  g_assert (KW_IS_HELPDESK_WINDOW (self));

  kw_helpdesk_window_set_session (self, session);
}

static void
kw_helpdesk_window_sign_out_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  kw_helpdesk_window_sign_out (KW_HELPDESK_WINDOW (widget));
}

static KwApplication *
kw_helpdesk_window_get_application (KwHelpdeskWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return KW_IS_APPLICATION (application) ? KW_APPLICATION (application) : NULL;
}

/* Where connections, keys and the audit log are: the test's overrides,
 * else the demo's in demo mode, else the person's own. */
static void
kw_helpdesk_window_update_sources (KwHelpdeskWindow *self)
{
  KwApplication *application = kw_helpdesk_window_get_application (self);
  KwDemo *demo = NULL;
  GListModel *connections = NULL;
  KwConnectionStore *store = self->store_override;
  KwSecretStore *secrets = self->secrets_override;
  KwAuditLog *audit_log = self->audit_log_override;

  if (application != NULL && store == NULL)
    demo = kw_application_get_demo (application);

  if (store == NULL && demo == NULL && application != NULL)
    store = kw_application_get_connection_store (application);

  if (demo != NULL)
    connections = kw_demo_get_connections (demo);
  else if (store != NULL)
    connections = G_LIST_MODEL (store);

  if (secrets == NULL && demo != NULL)
    secrets = kw_demo_get_secret_store (demo);
  else if (secrets == NULL && application != NULL)
    secrets = kw_application_get_secret_store (application);

  if (audit_log == NULL && demo != NULL)
    audit_log = kw_demo_get_audit_log (demo);
  else if (audit_log == NULL)
    {
      if (self->default_audit_log == NULL)
        self->default_audit_log = kw_audit_log_new (NULL);
      audit_log = self->default_audit_log;
    }

  /* A session of the old sources acts on another server, or another
   * keyring's keys. */
  kw_helpdesk_window_set_session (self, NULL);
  g_set_object (&self->demo, demo);

  kw_helpdesk_signin_set_sources (self->signin, connections, secrets,
                                  demo != NULL ? NULL : store, demo, audit_log);
  kw_helpdesk_users_page_set_hint (self->users_page,
                                   demo != NULL ? kw_demo_get_helpdesk_hint (demo) : NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        demo != NULL ? _("Keyway Helpdesk (Demo)") : _("Keyway Helpdesk"));

  if (g_set_object (&self->audit_log, audit_log))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_LOG]);

  kw_helpdesk_window_update_subtitle (self);
}

static void
demo_changed_cb (KwHelpdeskWindow *self,
                 GParamSpec       *pspec,
                 KwApplication    *application)
{
  g_assert (KW_IS_HELPDESK_WINDOW (self));

  if (!kw_helpdesk_window_is_closed (self))
    kw_helpdesk_window_update_sources (self);
}

/* The application comes after construction (it is not a construct
 * property), whether from kw_helpdesk_window_new() or g_object_new(). */
static void
application_changed_cb (KwHelpdeskWindow *self,
                        GParamSpec       *pspec,
                        gpointer          user_data)
{
  KwApplication *application = kw_helpdesk_window_get_application (self);

  g_assert (KW_IS_HELPDESK_WINDOW (self));

  if (application == NULL || kw_helpdesk_window_is_closed (self))
    return;

  g_signal_connect_object (application, "notify::demo", G_CALLBACK (demo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  kw_helpdesk_window_update_sources (self);
}

/* The window's session and audit log go to a page that has properties of
 * those names and types. */
static void
kw_helpdesk_window_bind_page (KwHelpdeskWindow *self,
                              GtkWidget        *page)
{
  GParamSpec *shared[] = { properties[PROP_SESSION], properties[PROP_AUDIT_LOG] };

  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    {
      const char *name = g_param_spec_get_name (shared[i]);
      GParamSpec *theirs = g_object_class_find_property (G_OBJECT_GET_CLASS (page), name);

      if (theirs == NULL ||
          (theirs->flags & G_PARAM_WRITABLE) == 0 ||
          !g_type_is_a (shared[i]->value_type, theirs->value_type))
        continue;

      g_object_bind_property (self, name, page, name, G_BINDING_SYNC_CREATE);
    }
}

static gboolean
kw_helpdesk_window_close_request (GtkWindow *window)
{
  KwHelpdeskWindow *self = KW_HELPDESK_WINDOW (window);

  /* The pages cancel what they have in flight once they have no session. */
  kw_helpdesk_window_set_session (self, NULL);

  return GTK_WINDOW_CLASS (kw_helpdesk_window_parent_class)->close_request (window);
}

static void
kw_helpdesk_window_dispose (GObject *object)
{
  KwHelpdeskWindow *self = KW_HELPDESK_WINDOW (object);

  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_HELPDESK_WINDOW);

  g_clear_object (&self->demo);
  g_clear_object (&self->store_override);
  g_clear_object (&self->secrets_override);
  g_clear_object (&self->audit_log_override);
  g_clear_object (&self->default_audit_log);
  g_clear_object (&self->audit_log);

  G_OBJECT_CLASS (kw_helpdesk_window_parent_class)->dispose (object);
}

static void
kw_helpdesk_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KwHelpdeskWindow *self = KW_HELPDESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_AUDIT_LOG:
      g_value_set_object (value, self->audit_log);
      break;

    case PROP_CONNECTION_STORE:
      g_value_set_object (value, self->store_override);
      break;

    case PROP_SECRET_STORE:
      g_value_set_object (value, self->secrets_override);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KwHelpdeskWindow *self = KW_HELPDESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_AUDIT_LOG:
      self->audit_log_override = g_value_dup_object (value);
      break;

    case PROP_CONNECTION_STORE:
      self->store_override = g_value_dup_object (value);
      break;

    case PROP_SECRET_STORE:
      self->secrets_override = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_window_class_init (KwHelpdeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kw_helpdesk_window_dispose;
  object_class->get_property = kw_helpdesk_window_get_property;
  object_class->set_property = kw_helpdesk_window_set_property;

  window_class->close_request = kw_helpdesk_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         KW_TYPE_HELPDESK_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwHelpdeskWindow:audit-log:
   *
   * The audit log in use. Given at construction, it replaces the
   * application's (or the demo's).
   */
  properties[PROP_AUDIT_LOG] =
    g_param_spec_object ("audit-log", NULL, NULL,
                         KW_TYPE_AUDIT_LOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTION_STORE] =
    g_param_spec_object ("connection-store", NULL, NULL,
                         KW_TYPE_CONNECTION_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRET_STORE] =
    g_param_spec_object ("secret-store", NULL, NULL,
                         KW_TYPE_SECRET_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KW_TYPE_HELPDESK_SIGNIN);
  g_type_ensure (KW_TYPE_HELPDESK_USERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/"
                                               "kw-helpdesk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, identity_revealer);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, identity_label);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, signin);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskWindow, users_page);
  gtk_widget_class_bind_template_callback (widget_class, switcher_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, signin_connection_cb);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL,
                                   kw_helpdesk_window_sign_out_action);
}

static void
kw_helpdesk_window_init (KwHelpdeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kw_helpdesk_window_bind_page (self, GTK_WIDGET (self->users_page));
  kw_helpdesk_window_add_page (self, kw_bulk_page_new (), "bulk", _("Bulk Reset"),
                               "view-list-bullet-symbolic");
  kw_helpdesk_window_add_page (self, kw_audit_page_new (), "audit", _("Audit Log"),
                               "document-open-recent-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", FALSE);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * kw_helpdesk_window_new:
 * @application: the application, whose connections and keyring (or demo)
 *   the window uses
 *
 * Returns: (transfer none): a new window, not shown yet
 */
KwHelpdeskWindow *
kw_helpdesk_window_new (KwApplication *application)
{
  KwHelpdeskWindow *self;

  g_return_val_if_fail (KW_IS_APPLICATION (application), NULL);

  self = g_object_new (KW_TYPE_HELPDESK_WINDOW, "application", application, NULL);

  return self;
}

KwHelpdeskSession *
kw_helpdesk_window_get_session (KwHelpdeskWindow *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_WINDOW (self), NULL);

  return self->session;
}

KwAuditLog *
kw_helpdesk_window_get_audit_log (KwHelpdeskWindow *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_WINDOW (self), NULL);

  return self->audit_log;
}

void
kw_helpdesk_window_sign_out (KwHelpdeskWindow *self)
{
  g_return_if_fail (KW_IS_HELPDESK_WINDOW (self));

  kw_helpdesk_window_set_session (self, NULL);
}

gboolean
kw_helpdesk_window_select_connection (KwHelpdeskWindow *self,
                                      const char       *id)
{
  g_return_val_if_fail (KW_IS_HELPDESK_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->session != NULL &&
      g_strcmp0 (kw_connection_get_id (kw_helpdesk_session_get_connection (self->session)),
                 id) != 0)
    kw_helpdesk_window_set_session (self, NULL);

  return kw_helpdesk_signin_select_connection (self->signin, id);
}

/**
 * kw_helpdesk_window_add_page:
 * @self: the window
 * @page: the page's widget
 * @name: its name in the view stack
 * @title: its title in the view switcher, translated
 * @icon_name: (nullable): its icon in the view switcher
 *
 * Adds a page after the others, and binds the window's "session" and
 * "audit-log" to the page's properties of those names and types.
 *
 * Returns: (transfer none): the view stack's page
 */
AdwViewStackPage *
kw_helpdesk_window_add_page (KwHelpdeskWindow *self,
                             GtkWidget        *page,
                             const char       *name,
                             const char       *title,
                             const char       *icon_name)
{
  AdwViewStackPage *stack_page;

  g_return_val_if_fail (KW_IS_HELPDESK_WINDOW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);
  if (icon_name != NULL)
    adw_view_stack_page_set_icon_name (stack_page, icon_name);

  kw_helpdesk_window_bind_page (self, page);
  kw_helpdesk_window_update_switcher (self);

  return stack_page;
}
