// The Main ran on the module path (exec-maven-plugin, verify phase) and checked its own results;
// here the JDK's resolution log shows how it got its provider and scorers: bench-core's `uses`
// bound the modules that provide them, which the consumer never required.
def log = new File(basedir, 'build.log').text
assert log.contains('module-path-consumer: OK')
assert log.contains('dev.bench4j.core binds dev.bench4j.providers')
assert log.contains('dev.bench4j.core binds dev.bench4j.scoring')
assert !log.contains('example.consumer requires dev.bench4j.providers')
assert !log.contains('example.consumer requires dev.bench4j.scoring')
return true
