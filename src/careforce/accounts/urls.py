from django.urls import path

from . import password_reset, views

app_name = "accounts"
urlpatterns = [
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-in/forgotten-password", password_reset.forgotten, name="password-reset"),
    path("sign-in/forgotten-password/sent", password_reset.sent, name="password-reset-sent"),
    path("sign-in/new-password/<uidb64>/<token>", password_reset.choose, name="password-reset-choose"),
    path("sign-in/new-password/changed", password_reset.done, name="password-reset-done"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("home", views.home, name="home"),
    path("your-account", views.your_account, name="your-account"),
]
