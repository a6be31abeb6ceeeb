// The thread-local last error and the string buffer handed across the ABI.
#include "shim.h"

namespace {
thread_local std::string last_error;
thread_local std::string string_buffer;
}  // namespace

namespace ts {

void set_error(const std::string& message) noexcept {
  try {
    last_error = message;
  } catch (...) {
    // Out of memory while recording an error: keep whatever was there.
  }
}

void capture_current_exception() noexcept {
  try {
    throw;
  } catch (const c10::Error& e) {
    // libtorch's message without the C++ backtrace, which means nothing to a C# caller.
    set_error(e.what_without_backtrace());
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown C++ exception in libtorch");
  }
}

const char* thread_string(std::string value) noexcept {
  string_buffer = std::move(value);
  return string_buffer.c_str();
}

}  // namespace ts

TS_API const char* ts_last_error() { return last_error.c_str(); }

TS_API void ts_clear_error() { last_error.clear(); }
