// The site the tests start, and the people and forms they use, shared with the modules' test projects.
global using CivicsClass.Testing.Site;
