global using CSharpKernel.Client;
global using NUnit.Framework;
